using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Franchising;
using LocalGov.ServiceStandard.Reports;

namespace LocalGov.ServiceStandard.Tests.Readme;

/// <summary>The package README's quick start, as written, gives what the README says it gives.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public void Gla_quick_start_passes_with_30_of_75()
    {
        var catalog = StandardCatalog.LoadBuiltIn();
        var lgdss = catalog.Get("lgdss", "2016-04-07");
        var assessment = new Assessment
        {
            Id = "pothole-alpha",
            ServiceName = "Report a pothole",
            Organisation = "Anytown District Council",
            Phase = ServicePhase.Alpha,
            Date = new DateOnly(2025, 3, 1),
            Panel = [new Participant { Name = "Sam Lee", Role = AssessmentRole.LeadAssessor }, new Participant { Name = "Kim Roe", Role = AssessmentRole.PeerReviewer, Organisation = "Othertown Council" }],
            Standard = lgdss.Reference,
            Scheme = OutcomeSchemes.GlaScoreId,
            Points = [.. lgdss.Points.Select(p => new PointAssessment { Number = p.Number, Outcome = "2" })],
        };

        var result = AssessmentEvaluator.Evaluate(assessment, lgdss, OutcomeSchemes.GlaScore);

        Assert.Equal("Pass: Total 30 of 75; the pass mark is 15.", $"{result.Label}: {result.Explanation}");
        Assert.Contains("<h1>Report a pothole service assessment</h1>", AssessmentReportRenderer.RenderHtml(assessment, OutcomeSchemes.GlaScore, lgdss), StringComparison.Ordinal);
    }

    [Fact]
    public void Response_workflow_example_gives_the_dates_the_readme_states()
    {
        var lgdss = StandardCatalog.LoadBuiltIn().Get("lgdss", "2016-04-07");
        var assessment = new Assessment
        {
            Id = "pothole-alpha",
            ServiceName = "Report a pothole",
            Organisation = "Anytown District Council",
            Date = new DateOnly(2025, 3, 1),
            Panel = [new Participant { Name = "Sam Lee", Role = AssessmentRole.LeadAssessor }],
            Standard = lgdss.Reference,
            Scheme = OutcomeSchemes.GlaScoreId,
            Points = [.. lgdss.Points.Select(p => new PointAssessment { Number = p.Number, Outcome = "2" })],
        };

        var finalised = AssessmentResponseWorkflow.Finalise(assessment, new AssessmentFinalisation { Date = new DateOnly(2025, 4, 10), LeadAssessor = "Sam Lee" });
        var challenged = AssessmentResponseWorkflow.Challenge(finalised, new DateOnly(2025, 4, 24), [new PointChallenge { Number = 2, Reason = "A designer joined before the assessment." }]);
        var revision = AssessmentResponseWorkflow.Amend(challenged, "pothole-alpha-r2");

        Assert.Equal(new DateOnly(2025, 4, 28), AssessmentResponseWorkflow.ResponseDeadline(finalised));
        Assert.Equal((AssessmentState.AwaitingResponse, (int?)4), (AssessmentResponseWorkflow.Status(finalised, new DateOnly(2025, 4, 22)).State, AssessmentResponseWorkflow.Status(finalised, new DateOnly(2025, 4, 22)).WorkingDaysLeft));
        Assert.Equal((AssessmentState.ResponseOverdue, (int?)1), (AssessmentResponseWorkflow.Status(finalised, new DateOnly(2025, 4, 29)).State, AssessmentResponseWorkflow.Status(finalised, new DateOnly(2025, 4, 29)).WorkingDaysOverdue));
        Assert.True(AssessmentResponseWorkflow.IsResponseOnTime(challenged));
        Assert.Equal("pothole-alpha", revision.Supersedes);
    }

    [Fact]
    public void Derive_quick_start_uses_real_point_ids()
    {
        var lgdss = StandardCatalog.LoadBuiltIn().Get("lgdss", "2016-04-07");

        var south = StandardDerivation.Derive(lgdss, "south-lgdss", "2017",
        [
            new RewordPoint { PointId = "test-with-senior-manager", Title = "Test with the portfolio holder" },
            new AddPoint { PointId = "whole-problem", Title = "Solve a whole problem", AfterPointId = "understand-user-needs" },
            new RemovePoint { PointId = "point-13" },
        ], publisher: "South peer group");

        Assert.Equal(15, south.Points.Count);
        Assert.Contains("1 added, 1 removed, 1 reworded", StandardDiff.Compare(lgdss, south).ToMarkdown(), StringComparison.Ordinal);
    }
}
