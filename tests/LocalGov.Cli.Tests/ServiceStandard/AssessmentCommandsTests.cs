using System.Text.Json;
using LocalGov.Testing;

namespace LocalGov.Cli.Tests.ServiceStandard;

public sealed class AssessmentCommandsTests : IDisposable
{
    private const string ReportBody = "**Department / Agency:**  \nDVLA\n\n**Date of Assessment:**  \n4/11/2015\n\n**Assessment Stage:**  \nalpha\n\n**Result of Assessment:**  \nNot pass\n\n* * *\n\n| **Criteria** | **Passed** | **Criteria** | **Passed** |\n| 1 | Yes | 2 | No |\n| 3 | Yes | 4 | N/A |\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("localgov-assessment-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> WriteReportsAsync(params object[] reports)
    {
        var path = Path.Combine(_folder, "reports.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(reports), TestContext.Current.CancellationToken);
        return path;
    }

    [Fact]
    public async Task Import_gds_json_prints_the_summary_shape_and_errors_on_stderr()
    {
        var path = await WriteReportsAsync(
            new { original_url = "https://gdsdata.blog.gov.uk/webchat/", title = "Webchat - Service Assessment", summary = "Chat.", body = ReportBody },
            new { original_url = "https://gdsdata.blog.gov.uk/broken/", title = "Broken - Service Assessment", body = "" });

        var result = await CliRunner.RunAsync("assessment", "import-gds", path, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var a = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("Webchat - Service Assessment", a.GetProperty("title").GetString());
        Assert.Equal("DVLA", a.GetProperty("department").GetString());
        Assert.Equal("alpha", a.GetProperty("stage").GetString());
        Assert.Equal("not-pass", a.GetProperty("result").GetString());
        Assert.Equal("2015-11-04", a.GetProperty("date").GetString());
        var points = a.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("number").GetInt32(), p.GetProperty("outcome").GetString())).ToList();
        Assert.Equal([(1, "pass"), (2, "not-pass"), (3, "pass"), (4, "not-applicable")], points);
        Assert.Contains("report 1 \"Broken - Service Assessment\": the report has no body text", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_gds_of_a_file_that_is_not_json_is_invalid_input()
    {
        var path = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(path, "<html>", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("assessment", "import-gds", path, "--json");

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("bad.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_gds_of_a_missing_file_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("assessment", "import-gds", Path.Combine(_folder, "none.json"), "--json");

        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData("md", "## Decision")]
    [InlineData("html", "<caption>Outcome for each point of Digital Service Standard (2015-06)</caption>")]
    public async Task Imported_assessments_render_as_reports(string format, string expected)
    {
        var reports = await WriteReportsAsync(new { original_url = "https://gdsdata.blog.gov.uk/webchat/", title = "Webchat - Service Assessment", body = ReportBody });
        var full = await CliRunner.RunAsync("assessment", "import-gds", reports, "--json", "--full");
        using var json = JsonDocument.Parse(full.Output);
        var assessmentPath = Path.Combine(_folder, "assessment.json");
        await File.WriteAllTextAsync(assessmentPath, json.RootElement[0].GetRawText(), TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("assessment", "render", assessmentPath, "--format", format);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.Contains("Not pass", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_of_an_invalid_assessment_is_invalid_input()
    {
        var path = Path.Combine(_folder, "a.json");
        await File.WriteAllTextAsync(path, "{\"id\": 1}", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("assessment", "render", path, "--format", "html");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("a.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_rejects_an_unknown_format()
    {
        var result = await CliRunner.RunAsync("assessment", "render", "x.json", "--format", "pdf");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Import_gds_on_the_real_reports_recovers_stage_result_and_date_for_95_percent()
    {
        var path = SharedData.Require("data/standards/upstream/alphagov+service-standard-reports-json/service-standard-reports.json");

        var result = await CliRunner.RunAsync("assessment", "import-gds", path, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var all = json.RootElement.EnumerateArray().ToList();
        var complete = all.Count(a => a.GetProperty("stage").ValueKind == JsonValueKind.String && a.GetProperty("result").ValueKind == JsonValueKind.String && a.GetProperty("date").ValueKind == JsonValueKind.String);
        Assert.True(complete >= 0.95 * 150, $"{complete} of 150");
    }
}
