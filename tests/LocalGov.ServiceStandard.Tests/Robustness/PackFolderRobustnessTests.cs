using System.Diagnostics;
using CsCheck;
using LocalGov.ServiceStandard.Franchising;
using LocalGov.ServiceStandard.Tests.Franchising;

namespace LocalGov.ServiceStandard.Tests.Robustness;

/// <summary>
/// Pack folders built to reach outside themselves: links (to a secret file or folder elsewhere) where the manifest, the
/// sessions folder, a session folder or a material goes, FIFOs, and output folders with links planted in them.
/// </summary>
public sealed class PackFolderRobustnessTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "localgov-pack-robust-" + Guid.NewGuid().ToString("N"));

    public PackFolderRobustnessTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Where a link may be planted in an exported London pack, relative to the pack folder.</summary>
    private static readonly string[] Places = ["pack.json", "sessions", "sessions/users", "sessions/users/prompts.md", "sessions/team/notes.md"];

    private (string Pack, string Outside, string Secret) Layout(string name)
    {
        var pack = Path.Combine(_root, name, "pack");
        var outside = Path.Combine(_root, name, "outside");
        Directory.CreateDirectory(outside);
        var secret = Path.Combine(outside, "secret.txt");
        File.WriteAllText(secret, "root:x:0:0:SECRET");
        return (pack, outside, secret);
    }

    private static void PlantLink(string pack, string place, string outside, string secret)
    {
        var path = Path.Combine(pack, place);
        var isFolder = Directory.Exists(path);
        if (isFolder)
        {
            // The folder's content is copied outside, so the link leads to a plausible folder holding the secret too.
            var copy = Path.Combine(outside, "copy-" + Path.GetFileName(path));
            CopyFolder(path, copy);
            File.Copy(secret, Path.Combine(copy, "secret.txt"));
            Directory.Delete(path, recursive: true);
            Directory.CreateSymbolicLink(path, copy);
        }
        else
        {
            File.Delete(path);
            File.CreateSymbolicLink(path, secret);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(f => f, f => new FileInfo(f).LinkTarget ?? File.ReadAllText(f), StringComparer.Ordinal);

    [Fact]
    public void Import_refuses_a_link_anywhere_in_the_pack_and_reads_nothing_through_it()
    {
        var n = 0;
        Gen.Int[0, Places.Length - 1].Sample(place =>
        {
            var (pack, outside, secret) = Layout("import" + n++);
            PackFolder.ExportAsync(FranchisingFixtures.LondonPack, pack, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            PlantLink(pack, Places[place], outside, secret);
            var clock = Stopwatch.StartNew();

            var error = Assert.ThrowsAsync<UnsafePathException>(() => PackFolder.ImportAsync(pack, TestContext.Current.CancellationToken)).GetAwaiter().GetResult();

            Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
            Assert.EndsWith(Places[place].Replace('/', Path.DirectorySeparatorChar), error.Path, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < Bound);
        }, iter: 15);
    }

    [Fact]
    public async Task Import_refuses_a_fifo_without_blocking_on_it()
    {
        var (pack, _, _) = Layout("fifo");
        await PackFolder.ExportAsync(FranchisingFixtures.LondonPack, pack, TestContext.Current.CancellationToken);
        foreach (var place in new[] { "sessions/users/prompts.md", "pack.json" })
        {
            var path = Path.Combine(pack, place);
            File.Delete(path);
            MakeFifo(path);
            var clock = Stopwatch.StartNew();

            var import = PackFolder.ImportAsync(pack, TestContext.Current.CancellationToken);
            var finished = await Task.WhenAny(import, Task.Delay(Bound, TestContext.Current.CancellationToken));

            Assert.Same(import, finished);
            var error = await Assert.ThrowsAsync<UnsafePathException>(() => import);
            Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < Bound);
        }
    }

    [Fact]
    public async Task Import_refuses_a_device_that_claims_to_be_empty()
    {
        var (pack, _, _) = Layout("device");
        await PackFolder.ExportAsync(FranchisingFixtures.LondonPack, pack, TestContext.Current.CancellationToken);
        var path = Path.Combine(pack, "sessions", "users", "prompts.md");
        File.Delete(path);
        if (!Run("mknod", path, "c", "1", "5"))
        {
            Assert.Skip("mknod is not permitted here (a character device like /dev/zero cannot be made in the test folder).");
        }

        var error = await Assert.ThrowsAsync<UnsafePathException>(() => PackFolder.ImportAsync(pack, TestContext.Current.CancellationToken));

        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_never_writes_through_a_link_planted_in_the_output_and_leaves_outside_untouched()
    {
        var n = 0;
        Gen.Select(Gen.Int[0, Places.Length - 1], Gen.Bool).Sample((place, overwrite) =>
        {
            var (pack, outside, secret) = Layout("export" + n++);
            PackFolder.ExportAsync(FranchisingFixtures.LondonPack, pack, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            PlantLink(pack, Places[place], outside, secret);
            var before = Snapshot(outside);

            var error = Assert.ThrowsAsync<UnsafePathException>(() => PackFolder.ExportAsync(FranchisingFixtures.LondonPack, pack, overwrite, TestContext.Current.CancellationToken)).GetAwaiter().GetResult();

            Assert.Contains(overwrite ? "symbolic link" : "not empty", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(outside));
        }, iter: 15);
    }

    [Fact]
    public async Task Export_refuses_an_output_that_is_a_file_or_a_link_and_writes_over_an_earlier_export_only_when_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        var (pack, outside, secret) = Layout("outputs");
        Directory.CreateDirectory(Path.GetDirectoryName(pack)!);
        await File.WriteAllTextAsync(pack, "a file", ct);
        var file = await Assert.ThrowsAsync<UnsafePathException>(() => PackFolder.ExportAsync(FranchisingFixtures.LondonPack, pack, overwrite: true, ct));
        Assert.Contains("must be a folder", file.Message, StringComparison.Ordinal);
        Assert.Equal("a file", await File.ReadAllTextAsync(pack, ct));

        File.Delete(pack);
        Directory.CreateSymbolicLink(pack, outside);
        var link = await Assert.ThrowsAsync<UnsafePathException>(() => PackFolder.ExportAsync(FranchisingFixtures.LondonPack, pack, overwrite: true, ct));
        Assert.Contains("symbolic link", link.Message, StringComparison.Ordinal);
        Assert.Single(Directory.GetFileSystemEntries(outside));
        Assert.Equal("root:x:0:0:SECRET", await File.ReadAllTextAsync(secret, ct));

        Directory.Delete(pack);
        await PackFolder.ExportAsync(FranchisingFixtures.LondonPack, pack, ct);
        await Assert.ThrowsAsync<UnsafePathException>(() => PackFolder.ExportAsync(FranchisingFixtures.LondonPack, pack, ct));
        await PackFolder.ExportAsync(FranchisingFixtures.LondonPack with { Title = "Revised" }, pack, overwrite: true, ct);
        Assert.Equal("Revised", (await PackFolder.ImportAsync(pack, ct)).Title);
        Assert.Empty(Directory.GetFiles(pack, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_manifest_naming_files_outside_the_folder_is_refused()
    {
        var escapes = Gen.OneOf(
            Gen.String[Gen.Char.AlphaNumeric, 1, 10].Select(s => "../" + s),
            Gen.String[Gen.Char.AlphaNumeric, 1, 10].Select(s => "/" + s),
            Gen.String[Gen.Char.AlphaNumeric, 1, 10].Select(s => s + "/../../x"),
            Gen.Const(".."),
            Gen.Const("a\\..\\b"));
        var n = 0;
        Gen.Select(escapes, Gen.Bool).Sample((id, asMaterial) =>
        {
            var (pack, outside, _) = Layout("manifest" + n++);
            PackFolder.ExportAsync(FranchisingFixtures.LondonPack, pack, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            var manifest = Path.Combine(pack, "pack.json");
            var text = File.ReadAllText(manifest);
            text = asMaterial ? text.Replace("\"prompts\"", System.Text.Json.JsonSerializer.Serialize(id), StringComparison.Ordinal) : text.Replace("\"users\"", System.Text.Json.JsonSerializer.Serialize(id), StringComparison.Ordinal);
            File.WriteAllText(manifest, text);
            var before = Snapshot(outside);

            var error = Assert.ThrowsAsync<InvalidDocumentException>(() => PackFolder.ImportAsync(pack, TestContext.Current.CancellationToken)).GetAwaiter().GetResult();

            Assert.Contains("cannot be used as a file name", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(outside));
        }, iter: 20);
    }

    private static void MakeFifo(string path)
    {
        if (!Run("mkfifo", path))
        {
            Assert.Skip("mkfifo is not available to make a FIFO.");
        }
    }

    private static bool Run(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
