using System.Text.Json;
using LocalGov.ServiceStandard;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Serialization;

namespace LocalGov.Cli.Tests.ServiceStandard;

public sealed class AssessmentStatusCommandTests : IDisposable
{
    private static readonly Assessment Draft = new()
    {
        Id = "pothole-alpha",
        ServiceName = "Report a pothole",
        Organisation = "Anytown District Council",
        Date = new DateOnly(2025, 12, 15),
        Panel = [new Participant { Name = "Sam Lee", Role = AssessmentRole.LeadAssessor }],
        Standard = new StandardReference("lgdss", "2016-04-07"),
        Scheme = OutcomeSchemes.RedAmberGreenId,
        Points = [new PointAssessment { Number = 1, Outcome = "green" }, new PointAssessment { Number = 2, Outcome = "red" }],
    };

    // Finalised on Friday 19 December 2025; 10 working days in England and Wales end on Wednesday 7 January 2026.
    private static readonly Assessment Finalised = AssessmentResponseWorkflow.Finalise(Draft, new AssessmentFinalisation { Date = new DateOnly(2025, 12, 19), LeadAssessor = "Sam Lee" });

    private readonly string _folder = Directory.CreateTempSubdirectory("localgov-assessment-status-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> WriteAsync(Assessment assessment)
    {
        var path = Path.Combine(_folder, "assessment.json");
        await File.WriteAllTextAsync(path, ServiceStandardJson.Serialize(assessment), TestContext.Current.CancellationToken);
        return path;
    }

    [Fact]
    public async Task Status_before_the_deadline_prints_the_working_days_left()
    {
        var path = await WriteAsync(Finalised);

        var result = await CliRunner.RunAsync("assessment", "status", path, "--on", "2025-12-24");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "pothole-alpha: awaiting response as of 2025-12-24\nFinalised: 2025-12-19 by Sam Lee\nDeadline: 2026-01-07 (10 working days, England and Wales bank holidays excluded)\nWorking days left: 7\n",
            result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Status_after_the_deadline_prints_how_overdue_it_is()
    {
        var path = await WriteAsync(Finalised);

        var result = await CliRunner.RunAsync("assessment", "status", path, "--on", "2026-01-09");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("pothole-alpha: response overdue as of 2026-01-09\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Overdue by: 2 working days\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_json_of_a_late_challenge()
    {
        var challenged = AssessmentResponseWorkflow.Challenge(Finalised, new DateOnly(2026, 1, 8), [new PointChallenge { Number = 2, Reason = "A designer joined in December." }]);
        var path = await WriteAsync(challenged);

        var result = await CliRunner.RunAsync("assessment", "status", path, "--on", "2026-01-20", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("challenged", root.GetProperty("state").GetString());
        Assert.Equal("2026-01-20", root.GetProperty("asOf").GetString());
        Assert.Equal("2025-12-19", root.GetProperty("finalisedOn").GetString());
        Assert.Equal("2026-01-07", root.GetProperty("deadline").GetString());
        Assert.Equal("2026-01-08", root.GetProperty("respondedOn").GetString());
        Assert.False(root.GetProperty("respondedOnTime").GetBoolean());
        Assert.False(root.TryGetProperty("workingDaysLeft", out _));
    }

    [Fact]
    public async Task Status_of_an_accepted_assessment_prints_the_response()
    {
        var path = await WriteAsync(AssessmentResponseWorkflow.Accept(Finalised, new DateOnly(2026, 1, 7)));

        var result = await CliRunner.RunAsync("assessment", "status", path, "--on", "2026-01-07");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("pothole-alpha: accepted as of 2026-01-07\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Responded: 2026-01-07 (on time)\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_a_draft_json()
    {
        var path = await WriteAsync(Draft);

        var result = await CliRunner.RunAsync("assessment", "status", path, "--on", "2026-01-07", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("draft", json.RootElement.GetProperty("state").GetString());
        Assert.False(json.RootElement.TryGetProperty("deadline", out _));
    }

    [Fact]
    public async Task Status_without_on_uses_today()
    {
        var path = await WriteAsync(Draft);
        var before = DateOnly.FromDateTime(DateTime.Now);

        var result = await CliRunner.RunAsync("assessment", "status", path, "--json");

        // Read either side of the run, so a run across midnight still passes.
        var after = DateOnly.FromDateTime(DateTime.Now);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var asOf = DateOnly.ParseExact(json.RootElement.GetProperty("asOf").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(asOf, before, after);
    }

    [Fact]
    public async Task A_malformed_on_date_is_a_usage_error()
    {
        var path = await WriteAsync(Finalised);

        var result = await CliRunner.RunAsync("assessment", "status", path, "--on", "07/01/2026");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("--on '07/01/2026' is not a date in the form yyyy-MM-dd", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("assessment", "status", Path.Combine(_folder, "none.json"));

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task A_response_without_a_finalisation_is_invalid_input()
    {
        var path = await WriteAsync(Draft with { Response = new ServiceTeamResponse { Date = new DateOnly(2026, 1, 7), Kind = ResponseKind.Accept } });

        var result = await CliRunner.RunAsync("assessment", "status", path, "--on", "2026-01-07");

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("has a service team response but was never finalised", result.Error, StringComparison.Ordinal);
    }
}
