using System.Text.Json;

namespace LocalGov.Cli.Tests.ServiceStandard;

public sealed class PackCommandsTests : IDisposable
{
    private const string Manifest = """
        {
          "id": "london-teacamps",
          "version": "2016-07",
          "title": "TeaCamps",
          "peerGroup": "London peer group",
          "standard": { "standardId": "lgdss", "version": "2016-04-07" },
          "attribution": { "statement": "Shared under OGL v3.0 by the London peer group.", "licence": "Open Government Licence v3.0" },
          "sessions": [
            { "id": "users", "title": "Understanding users", "pointIds": ["understand-user-needs"],
              "agenda": [{ "minutes": 10, "title": "Welcome" }],
              "materials": [{ "id": "prompts", "title": "Prompts", "markdown": "" }] }
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("localgov-pack-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Pack_derive_writes_a_new_pack_folder_and_pack_diff_shows_the_change()
    {
        var ct = TestContext.Current.CancellationToken;
        var london = Path.Combine(_folder, "london");
        Directory.CreateDirectory(Path.Combine(london, "sessions", "users"));
        await File.WriteAllTextAsync(Path.Combine(london, "pack.json"), Manifest, ct);
        await File.WriteAllTextAsync(Path.Combine(london, "sessions", "users", "prompts.md"), "- Who are your users?\n", ct);
        var edits = Path.Combine(_folder, "edits.json");
        await File.WriteAllTextAsync(edits, """[{ "op": "edit-material", "sessionId": "users", "materialId": "prompts", "markdown": "- Who are your residents?\n" }]""", ct);
        var midlands = Path.Combine(_folder, "midlands");

        var derive = await CliRunner.RunAsync("standards", "pack-derive", london, "--id", "midlands-teacamps", "--as-version", "2016-10", "--edits", edits, "--peer-group", "Midlands peer group", "--output", midlands);
        var diff = await CliRunner.RunAsync("standards", "pack-diff", london, midlands);

        Assert.Equal(0, derive.ExitCode);
        Assert.Equal("- Who are your residents?\n", await File.ReadAllTextAsync(Path.Combine(midlands, "sessions", "users", "prompts.md"), ct));
        Assert.Contains("\"parent\"", await File.ReadAllTextAsync(Path.Combine(midlands, "pack.json"), ct), StringComparison.Ordinal);
        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("+ - Who are your residents?", diff.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pack_derive_from_a_missing_folder_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("standards", "pack-derive", Path.Combine(_folder, "none"), "--id", "x", "--as-version", "1", "--output", Path.Combine(_folder, "out"));

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Pack_diff_of_a_folder_without_a_pack_is_invalid_input()
    {
        var result = await CliRunner.RunAsync("standards", "pack-diff", _folder, _folder);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("pack.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pack_rebase_replays_the_edits_on_the_new_parent_and_writes_the_pack_folder()
    {
        var ct = TestContext.Current.CancellationToken;
        var (london, midlands) = await DeriveMidlandsAsync();
        var london2017 = await WritePackAsync("london-2017", "2017-01", "- Who are your users?\n", agendaMinutes: 15);
        var rebased = Path.Combine(_folder, "rebased");

        var result = await CliRunner.RunAsync("standards", "pack-rebase", midlands, "--from", london, "--onto", london2017, "--output", rebased);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal($"Wrote midlands-teacamps@2016-10 (rebased from london-teacamps@2016-07 onto london-teacamps@2017-01, 1 edit(s)) to {rebased}.\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Equal("- Who are your residents?\n", await File.ReadAllTextAsync(Path.Combine(rebased, "sessions", "users", "prompts.md"), ct));
        using var pack = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(rebased, "pack.json"), ct));
        Assert.Equal("midlands-teacamps", pack.RootElement.GetProperty("id").GetString());
        Assert.Equal("2017-01", pack.RootElement.GetProperty("derivedFrom").GetProperty("parent").GetProperty("version").GetString());
        Assert.Equal(15, pack.RootElement.GetProperty("sessions")[0].GetProperty("agenda")[0].GetProperty("minutes").GetInt32());
    }

    [Fact]
    public async Task Pack_rebase_with_conflicts_lists_them_on_stderr_and_writes_nothing()
    {
        var (london, midlands) = await DeriveMidlandsAsync();
        var london2017 = await WritePackAsync("london-2017", "2017-01", "- Who uses the service?\n");
        var rebased = Path.Combine(_folder, "rebased");

        var result = await CliRunner.RunAsync("standards", "pack-rebase", midlands, "--from", london, "--onto", london2017, "--output", rebased);

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal(
            "conflict: edit 1 (edit material 'users/prompts'): upstream changed its Markdown too (1 line(s) removed, 1 added); this edit replaces it with its own\n"
            + "1 conflict(s); nothing was rebased. Resolve them by changing the edits, then pack-derive again from london-teacamps@2017-01.\n",
            result.Error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(rebased));
    }

    [Fact]
    public async Task Pack_rebase_from_a_pack_it_was_not_derived_from_is_invalid_input_and_writes_nothing()
    {
        var (_, midlands) = await DeriveMidlandsAsync();
        var london2017 = await WritePackAsync("london-2017", "2017-01", "- Who are your users?\n");
        var rebased = Path.Combine(_folder, "rebased");

        var result = await CliRunner.RunAsync("standards", "pack-rebase", midlands, "--from", london2017, "--onto", london2017, "--output", rebased);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("error: midlands-teacamps@2016-10 was not derived from london-teacamps@2017-01 (its parent: london-teacamps@2016-07), so it cannot be rebased from it.\n", result.Error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(rebased));
    }

    [Fact]
    public async Task Pack_rebase_of_a_pack_that_is_not_derived_is_a_usage_error()
    {
        var london = await WritePackAsync("london", "2016-07", "- Who are your users?\n");
        var london2017 = await WritePackAsync("london-2017", "2017-01", "- Who are your users?\n");

        var result = await CliRunner.RunAsync("standards", "pack-rebase", london, "--from", london, "--onto", london2017, "--output", Path.Combine(_folder, "rebased"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("london-teacamps@2016-07 is not a derived pack", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "rebased")));
    }

    [Fact]
    public async Task Pack_rebase_with_a_missing_folder_or_option_is_a_usage_error()
    {
        var (london, midlands) = await DeriveMidlandsAsync();

        var missingFolder = await CliRunner.RunAsync("standards", "pack-rebase", midlands, "--from", london, "--onto", Path.Combine(_folder, "none"), "--output", Path.Combine(_folder, "rebased"));
        var missingOption = await CliRunner.RunAsync("standards", "pack-rebase", midlands, "--from", london, "--output", Path.Combine(_folder, "rebased"));

        Assert.Equal(1, missingFolder.ExitCode);
        Assert.Contains("does not exist", missingFolder.Error, StringComparison.Ordinal);
        Assert.Equal(1, missingOption.ExitCode);
        Assert.Contains("--onto", missingOption.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "rebased")));
    }

    private async Task<string> WritePackAsync(string name, string version, string prompts, int agendaMinutes = 10)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.Combine(folder, "sessions", "users"));
        var manifest = Manifest.Replace("\"2016-07\"", $"\"{version}\"", StringComparison.Ordinal).Replace("\"minutes\": 10", $"\"minutes\": {agendaMinutes}", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "pack.json"), manifest, ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "sessions", "users", "prompts.md"), prompts, ct);
        return folder;
    }

    private async Task<(string London, string Midlands)> DeriveMidlandsAsync()
    {
        var london = await WritePackAsync("london", "2016-07", "- Who are your users?\n");
        var edits = Path.Combine(_folder, "edits.json");
        await File.WriteAllTextAsync(edits, """[{ "op": "edit-material", "sessionId": "users", "materialId": "prompts", "markdown": "- Who are your residents?\n" }]""", TestContext.Current.CancellationToken);
        var midlands = Path.Combine(_folder, "midlands");
        var derive = await CliRunner.RunAsync("standards", "pack-derive", london, "--id", "midlands-teacamps", "--as-version", "2016-10", "--edits", edits, "--peer-group", "Midlands peer group", "--output", midlands);
        Assert.Equal(0, derive.ExitCode);
        return (london, midlands);
    }
}
