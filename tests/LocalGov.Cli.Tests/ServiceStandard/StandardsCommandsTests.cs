using System.Text.Json;

namespace LocalGov.Cli.Tests.ServiceStandard;

public sealed class StandardsCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("localgov-standards-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task List_json_gives_id_version_title_and_point_count()
    {
        var result = await CliRunner.RunAsync("standards", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var lgdss = json.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "lgdss" && e.GetProperty("version").GetString() == "2016-04-07");
        Assert.Equal(15, lgdss.GetProperty("pointCount").GetInt32());
        Assert.Equal("Local Government Digital Service Standard", lgdss.GetProperty("title").GetString());
        Assert.Equal(11, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task List_text_has_one_line_per_version()
    {
        var result = await CliRunner.RunAsync("standards", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nhs-service-standard@2026-01", result.Output, StringComparison.Ordinal);
        Assert.Equal(11, result.Output.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task Show_with_version_prints_points_and_attribution()
    {
        var result = await CliRunner.RunAsync("standards", "show", "lgdss", "--version", "2016-04-07");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("15. Test with senior manager", result.Output, StringComparison.Ordinal);
        Assert.Contains("(c) LocalGov Digital", result.Output, StringComparison.Ordinal);
        Assert.Contains("[not known]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_json_is_the_standard_document()
    {
        var result = await CliRunner.RunAsync("standards", "show", "govuk-service-standard", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("2019-05-revised", json.RootElement.GetProperty("version").GetString());
        Assert.Equal(14, json.RootElement.GetProperty("points").GetArrayLength());
    }

    [Theory]
    [InlineData("no-such-standard")]
    [InlineData("lgdss@1999")]
    public async Task Show_unknown_is_not_found(string id)
    {
        var result = await CliRunner.RunAsync("standards", "show", id);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error:", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Diff_prints_the_reworded_points()
    {
        var result = await CliRunner.RunAsync("standards", "diff", "govuk-service-standard@2019-05", "govuk-service-standard@2019-05-revised");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 reworded", result.Output, StringComparison.Ordinal);
        Assert.Contains("[-one-]{+a+}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Derive_then_diff_then_rebase_through_files()
    {
        var edits = Path.Combine(_folder, "edits.json");
        var derived = Path.Combine(_folder, "derived.json");
        await File.WriteAllTextAsync(edits, """
            [
              { "op": "reword", "pointId": "test-with-senior-manager", "title": "Test with the portfolio holder" },
              { "op": "add", "pointId": "whole-problem", "title": "Solve a whole problem", "afterPointId": "understand-user-needs" },
              { "op": "remove", "pointId": "point-13" }
            ]
            """, TestContext.Current.CancellationToken);

        var derive = await CliRunner.RunAsync("standards", "derive", "lgdss@2016-04-07", "--id", "south-lgdss", "--as-version", "2017", "--edits", edits, "--publisher", "South peer group", "--output", derived);
        var diff = await CliRunner.RunAsync("standards", "diff", "lgdss@2016-04-07", derived);
        var rebase = await CliRunner.RunAsync("standards", "rebase", derived, "--onto", "lgdss@2016-04-07");

        Assert.Equal(0, derive.ExitCode);
        Assert.Contains("Derived south-lgdss@2017", derive.Error, StringComparison.Ordinal);
        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("1 added, 1 removed, 1 reworded", diff.Output, StringComparison.Ordinal);
        Assert.Equal(0, rebase.ExitCode);
        using var json = JsonDocument.Parse(rebase.Output);
        Assert.Equal(15, json.RootElement.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task Rebase_with_conflicts_lists_them_and_writes_nothing()
    {
        var oldParent = Path.Combine(_folder, "old.json");
        var newParent = Path.Combine(_folder, "new.json");
        var derived = Path.Combine(_folder, "derived.json");
        var show = await CliRunner.RunAsync("standards", "show", "govuk-service-standard@2019-05", "--json");
        await File.WriteAllTextAsync(oldParent, show.Output, TestContext.Current.CancellationToken);
        var edits = Path.Combine(_folder, "edits.json");
        await File.WriteAllTextAsync(edits, """[{ "op": "reword", "pointId": "solve-a-whole-problem", "text": "Solve a whole problem for residents." }]""", TestContext.Current.CancellationToken);
        await CliRunner.RunAsync("standards", "derive", oldParent, "--id", "council-ss", "--as-version", "1", "--edits", edits, "--output", derived);
        var revised = await CliRunner.RunAsync("standards", "show", "govuk-service-standard@2019-05-revised", "--json");
        await File.WriteAllTextAsync(newParent, revised.Output, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("standards", "rebase", derived, "--from", oldParent, "--onto", newParent);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("conflict: edit 1", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Derive_with_a_bad_edit_is_invalid_input()
    {
        var edits = Path.Combine(_folder, "edits.json");
        await File.WriteAllTextAsync(edits, """[{ "op": "remove", "pointId": "nope" }]""", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("standards", "derive", "lgdss", "--id", "x", "--as-version", "1", "--edits", edits);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("nope", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Derive_with_a_missing_edits_file_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("standards", "derive", "lgdss", "--id", "x", "--as-version", "1", "--edits", Path.Combine(_folder, "none.json"));

        Assert.Equal(1, result.ExitCode);
    }
}
