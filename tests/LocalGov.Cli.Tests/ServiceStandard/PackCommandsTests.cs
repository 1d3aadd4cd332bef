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
}
