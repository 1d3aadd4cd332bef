using AssessmentReport;
using LocalGov.Testing;

namespace LocalGov.Samples.Tests.Console;

public sealed class AssessmentReportTests
{
    private static readonly string Example = Path.Combine(RepositoryPaths.Root, "samples", "AssessmentReport", "example-assessment.json");

    [Fact]
    public async Task Renders_the_example_with_the_standards_point_titles()
    {
        var report = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exit = await ReportRenderer.RunAsync([Example, report], output, error);

            Assert.Equal(0, exit);
            var html = await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<h1>Report speeding traffic service assessment</h1>", html, StringComparison.Ordinal);
            Assert.Contains("Local Government Digital Service Standard", html, StringComparison.Ordinal);
            Assert.Contains("Understand user needs", html, StringComparison.Ordinal);
            Assert.Contains("Amber", html, StringComparison.Ordinal);
            Assert.Contains("wrote ", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task Writes_to_stdout_without_an_output_file()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await ReportRenderer.RunAsync([Example], output, error));
        Assert.Contains("Report speeding traffic service assessment", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_assessment_exits_with_4_and_the_reason()
    {
        var file = Path.Combine(Path.GetTempPath(), $"assessment-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "id": "x" }""", TestContext.Current.CancellationToken);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            Assert.Equal(4, await ReportRenderer.RunAsync([file], output, error));
            Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_file_exits_with_1()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(1, await ReportRenderer.RunAsync(["/nowhere/assessment.json"], output, error));
        Assert.Contains("error: ", error.ToString(), StringComparison.Ordinal);
    }
}
