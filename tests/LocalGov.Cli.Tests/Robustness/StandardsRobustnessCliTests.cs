using CsCheck;

namespace LocalGov.Cli.Tests.Robustness;

/// <summary>Pack folders and outputs built to escape, and documents with nulls and bad links, through the CLI: exit 1 or 4, the problem named, nothing written outside.</summary>
public sealed class StandardsRobustnessCliTests : IDisposable
{
    private const string Manifest = """
        {
          "id": "london-teacamps", "version": "2016-07", "title": "TeaCamps",
          "standard": { "standardId": "lgdss", "version": "2016-04-07" },
          "sessions": [ { "id": "users", "title": "Understanding users", "materials": [{ "id": "prompts", "title": "Prompts", "markdown": "" }] } ]
        }
        """;

    private const string Assessment = """
        {
          "id": "a1", "serviceName": "Report a pothole", "organisation": "Anytown", "scheme": "red-amber-green",
          "standard": { "standardId": "lgdss", "version": "2016-04-07" },
          "points": [ { "number": 1, "outcome": "green", "evidence": [ { "kind": "link", "title": "Prototype", "url": "https://example.org/p" } ] } ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("localgov-robust-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Pack(string name)
    {
        var pack = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.Combine(pack, "sessions", "users"));
        File.WriteAllText(Path.Combine(pack, "pack.json"), Manifest);
        File.WriteAllText(Path.Combine(pack, "sessions", "users", "prompts.md"), "- Who are your users?\n");
        return pack;
    }

    private static void Clean(CliResult result)
    {
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pack_derive_from_a_pack_holding_a_link_out_is_exit_4_and_copies_nothing()
    {
        var secret = Path.Combine(_folder, "secret.txt");
        await File.WriteAllTextAsync(secret, "root:x:0:0:SECRET", TestContext.Current.CancellationToken);
        foreach (var place in new[] { "pack.json", "sessions", "sessions/users", "sessions/users/prompts.md" })
        {
            var pack = Pack("link-" + place.Replace('/', '-'));
            var path = Path.Combine(pack, place);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
                Directory.CreateSymbolicLink(path, _folder);
            }
            else
            {
                File.Delete(path);
                File.CreateSymbolicLink(path, secret);
            }

            var output = Path.Combine(_folder, "out-" + place.Replace('/', '-'));
            var result = await CliRunner.RunAsync("standards", "pack-derive", pack, "--id", "x", "--as-version", "1", "--output", output);

            Assert.Equal(4, result.ExitCode);
            Assert.Contains("symbolic link", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", result.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output));
            Clean(result);
        }
    }

    [Fact]
    public async Task Pack_outputs_that_are_files_inputs_or_not_empty_are_usage_errors()
    {
        var london = Pack("london");
        var file = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(file, "keep", TestContext.Current.CancellationToken);
        var busy = Path.Combine(_folder, "busy");
        Directory.CreateDirectory(busy);
        await File.WriteAllTextAsync(Path.Combine(busy, "other.txt"), "keep", TestContext.Current.CancellationToken);

        var asFile = await CliRunner.RunAsync("standards", "pack-derive", london, "--id", "x", "--as-version", "1", "--output", file, "--force");
        var asSource = await CliRunner.RunAsync("standards", "pack-derive", london, "--id", "x", "--as-version", "1", "--output", london, "--force");
        var inSource = await CliRunner.RunAsync("standards", "pack-derive", london, "--id", "x", "--as-version", "1", "--output", Path.Combine(london, "sessions"), "--force");
        var notEmpty = await CliRunner.RunAsync("standards", "pack-derive", london, "--id", "x", "--as-version", "1", "--output", busy);

        Assert.Equal((1, 1, 1, 1), (asFile.ExitCode, asSource.ExitCode, inSource.ExitCode, notEmpty.ExitCode));
        Assert.Contains("is a file", asFile.Error, StringComparison.Ordinal);
        Assert.Contains("the input pack", asSource.Error, StringComparison.Ordinal);
        Assert.Contains("inside the input pack", inSource.Error, StringComparison.Ordinal);
        Assert.Contains("--force", notEmpty.Error, StringComparison.Ordinal);
        Assert.Equal("keep", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal(Manifest, await File.ReadAllTextAsync(Path.Combine(london, "pack.json"), TestContext.Current.CancellationToken));
        Assert.Single(Directory.GetFileSystemEntries(busy));
        foreach (var result in new[] { asFile, asSource, inSource, notEmpty })
        {
            Clean(result);
        }

        var forced = await CliRunner.RunAsync("standards", "pack-derive", london, "--id", "x", "--as-version", "1", "--output", busy, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.True(File.Exists(Path.Combine(busy, "pack.json")));
        Assert.Equal("keep", await File.ReadAllTextAsync(Path.Combine(busy, "other.txt"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Derive_output_that_is_a_folder_a_link_or_an_existing_file_is_a_usage_error()
    {
        var folder = Path.Combine(_folder, "folder");
        Directory.CreateDirectory(folder);
        var existing = Path.Combine(_folder, "existing.json");
        await File.WriteAllTextAsync(existing, "keep", TestContext.Current.CancellationToken);
        var secret = Path.Combine(_folder, "secret.txt");
        await File.WriteAllTextAsync(secret, "SECRET", TestContext.Current.CancellationToken);
        var link = Path.Combine(_folder, "link.json");
        File.CreateSymbolicLink(link, secret);

        var toFolder = await CliRunner.RunAsync("standards", "derive", "lgdss@2016-04-07", "--id", "x", "--as-version", "1", "--output", folder);
        var toExisting = await CliRunner.RunAsync("standards", "derive", "lgdss@2016-04-07", "--id", "x", "--as-version", "1", "--output", existing);
        var toLink = await CliRunner.RunAsync("standards", "derive", "lgdss@2016-04-07", "--id", "x", "--as-version", "1", "--output", link, "--force");

        Assert.Equal((1, 1, 1), (toFolder.ExitCode, toExisting.ExitCode, toLink.ExitCode));
        Assert.Contains("is a folder", toFolder.Error, StringComparison.Ordinal);
        Assert.Contains("--force", toExisting.Error, StringComparison.Ordinal);
        Assert.Contains("symbolic link", toLink.Error, StringComparison.Ordinal);
        Assert.Equal("keep", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
        Assert.Equal("SECRET", await File.ReadAllTextAsync(secret, TestContext.Current.CancellationToken));

        var forced = await CliRunner.RunAsync("standards", "derive", "lgdss@2016-04-07", "--id", "x", "--as-version", "1", "--output", existing, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("\"standardId\"", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assessments_with_nulls_bad_links_or_impossible_responses_are_exit_4_naming_the_json_path()
    {
        var cases = Gen.OneOf(
            Gen.Const((Find: "\"points\": [ ", Replace: "\"points\": [ null, ", Path: "$.points[0]")),
            Gen.Const((Find: "\"evidence\": [ ", Replace: "\"evidence\": [ null, ", Path: "$.points[0].evidence[0]")),
            Gen.String[Gen.Char.AlphaNumeric, 1, 8].Select(s => (Find: "https://example.org/p", Replace: "/relative/" + s, Path: "$.points[0].evidence[0].url")),
            Gen.Const((Find: "https://example.org/p", Replace: "javascript:alert(1)", Path: "$.points[0].evidence[0].url")),
            Gen.Const((Find: "\"scheme\"", Replace: "\"response\": { \"date\": \"2024-03-05\", \"kind\": \"accept\" }, \"scheme\"", Path: "$.response")));
        var n = 0;
        foreach (var (find, replace, path) in cases.Array[10].Single())
        {
            var file = Path.Combine(_folder, $"assessment{n++}.json");
            Assert.Contains(find, Assessment, StringComparison.Ordinal);
            await File.WriteAllTextAsync(file, Assessment.Replace(find, replace, StringComparison.Ordinal), TestContext.Current.CancellationToken);

            var render = await CliRunner.RunAsync("assessment", "render", file, "--format", "html");
            var status = await CliRunner.RunAsync("assessment", "status", file);

            Assert.Equal((4, 4), (render.ExitCode, status.ExitCode));
            Assert.Contains(path, render.Error, StringComparison.Ordinal);
            Assert.Contains(file, render.Error, StringComparison.Ordinal);
            Clean(render);
            Clean(status);
        }
    }

    [Fact]
    public async Task An_assessment_file_starting_with_a_byte_order_mark_renders()
    {
        var file = Path.Combine(_folder, "bom.json");
        await File.WriteAllBytesAsync(file, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Assessment)], TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("assessment", "render", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Report a pothole", result.Output, StringComparison.Ordinal);
    }
}
