using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Tests.Assessments;

public sealed class OutcomeSchemeTests
{
    [Theory]
    [InlineData(OutcomeSchemes.PassNotPassId, "pass,pass,pass", "pass", true)]
    [InlineData(OutcomeSchemes.PassNotPassId, "pass,not-pass,pass", "not-pass", false)]
    [InlineData(OutcomeSchemes.PassNotPassId, "pass,not-applicable,pass", "pass", true)]
    [InlineData(OutcomeSchemes.MetNotMetId, "met,met,met", "met", true)]
    [InlineData(OutcomeSchemes.MetNotMetId, "met,not-met,not-applicable", "not-met", false)]
    [InlineData(OutcomeSchemes.RedAmberGreenId, "green,green,green", "green", true)]
    [InlineData(OutcomeSchemes.RedAmberGreenId, "green,amber,green", "amber", true)]
    [InlineData(OutcomeSchemes.RedAmberGreenId, "amber,red,green", "red", false)]
    public void Worst_of_schemes_derive_the_overall_result(string scheme, string outcomes, string expected, bool positive)
    {
        var assessment = Fixtures.Assessment(scheme, outcomes.Split(','));

        var result = AssessmentEvaluator.Evaluate(assessment, Fixtures.ThreePointStandard, OutcomeSchemeRegistry.CreateDefault().Get(scheme));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(positive, result.IsPositive);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void Unassessed_points_make_the_result_incomplete_unless_something_already_failed()
    {
        var incomplete = AssessmentEvaluator.Evaluate(Fixtures.Assessment(OutcomeSchemes.MetNotMetId, "met", null, "met"), Fixtures.ThreePointStandard, OutcomeSchemes.MetNotMet);
        var failed = AssessmentEvaluator.Evaluate(Fixtures.Assessment(OutcomeSchemes.MetNotMetId, "not-met", null, "met"), Fixtures.ThreePointStandard, OutcomeSchemes.MetNotMet);

        Assert.Equal("incomplete", incomplete.Outcome);
        Assert.False(incomplete.IsComplete);
        Assert.Equal("not-met", failed.Outcome);
    }

    [Fact]
    public void Gla_score_passes_at_15_of_75_for_the_15_point_lgdss()
    {
        var lgdss = StandardCatalog.LoadBuiltIn().Get("lgdss", "2016-04-07");
        Assessment Scored(params int[] scores) => new()
        {
            Id = "gla",
            ServiceName = "GLA-Ops",
            Organisation = "Greater London Authority",
            Standard = lgdss.Reference,
            Scheme = OutcomeSchemes.GlaScoreId,
            Points = [.. scores.Select((s, i) => new PointAssessment { Number = i + 1, Outcome = s.ToString(System.Globalization.CultureInfo.InvariantCulture) })],
        };

        var atPassMark = AssessmentEvaluator.Evaluate(Scored([.. Enumerable.Repeat(1, 15)]), lgdss, OutcomeSchemes.GlaScore);
        var below = AssessmentEvaluator.Evaluate(Scored([.. Enumerable.Repeat(1, 14), 0]), lgdss, OutcomeSchemes.GlaScore);
        var full = AssessmentEvaluator.Evaluate(Scored([.. Enumerable.Repeat(5, 15)]), lgdss, OutcomeSchemes.GlaScore);

        Assert.Equal(("pass", 15, 75), (atPassMark.Outcome, atPassMark.Score, atPassMark.MaxScore));
        Assert.Equal(("not-pass", 14), (below.Outcome, below.Score));
        Assert.Equal(75, full.Score);
        Assert.Contains("pass mark is 15", atPassMark.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Gla_score_with_missing_points_is_incomplete_with_the_running_total()
    {
        var result = AssessmentEvaluator.Evaluate(Fixtures.Assessment(OutcomeSchemes.GlaScoreId, "5", "5", null), Fixtures.ThreePointStandard, OutcomeSchemes.GlaScore);

        Assert.Equal("incomplete", result.Outcome);
        Assert.Equal(10, result.Score);
    }

    [Theory]
    [InlineData(OutcomeSchemes.GlaScoreId, "6")]
    [InlineData(OutcomeSchemes.MetNotMetId, "green")]
    [InlineData(OutcomeSchemes.RedAmberGreenId, "met")]
    public void An_outcome_outside_the_scheme_is_a_typed_error_naming_the_point(string scheme, string outcome)
    {
        var assessment = Fixtures.Assessment(scheme, outcome, null, null);

        var error = Assert.Throws<InvalidAssessmentException>(() => AssessmentEvaluator.Evaluate(assessment, Fixtures.ThreePointStandard, OutcomeSchemeRegistry.CreateDefault().Get(scheme)));

        Assert.Equal(1, error.PointNumber);
        Assert.Equal("a1", error.AssessmentId);
    }

    [Fact]
    public void A_point_outside_the_standard_or_repeated_is_rejected()
    {
        var outside = Fixtures.Assessment(OutcomeSchemes.MetNotMetId) with { Points = [new PointAssessment { Number = 4, Outcome = "met" }] };
        var repeated = Fixtures.Assessment(OutcomeSchemes.MetNotMetId) with { Points = [new PointAssessment { Number = 1, Outcome = "met" }, new PointAssessment { Number = 1, Outcome = "met" }] };

        Assert.Equal(4, Assert.Throws<InvalidAssessmentException>(() => AssessmentEvaluator.Evaluate(outside, Fixtures.ThreePointStandard, OutcomeSchemes.MetNotMet)).PointNumber);
        Assert.Equal(1, Assert.Throws<InvalidAssessmentException>(() => AssessmentEvaluator.Evaluate(repeated, Fixtures.ThreePointStandard, OutcomeSchemes.MetNotMet)).PointNumber);
    }

    [Fact]
    public void Evaluating_against_the_wrong_scheme_or_standard_is_rejected()
    {
        var assessment = Fixtures.Assessment(OutcomeSchemes.MetNotMetId, "met", "met", "met");

        Assert.Throws<InvalidAssessmentException>(() => AssessmentEvaluator.Evaluate(assessment, Fixtures.ThreePointStandard, OutcomeSchemes.PassNotPass));
        Assert.Throws<InvalidAssessmentException>(() => AssessmentEvaluator.Evaluate(assessment, Fixtures.ThreePointStandard with { Version = "2" }, OutcomeSchemes.MetNotMet));
    }

    [Fact]
    public void Registry_is_pluggable_and_unknown_schemes_are_typed_errors()
    {
        var custom = new ScoreOutcomeScheme("maturity-1-4", "Maturity 1-4", 1, 4, 8);
        var registry = OutcomeSchemeRegistry.CreateDefault().With(custom);

        Assert.Same(custom, registry.Get("maturity-1-4"));
        Assert.Throws<InvalidAssessmentException>(() => OutcomeSchemeRegistry.CreateDefault().Get("maturity-1-4"));
        var result = AssessmentEvaluator.Evaluate(Fixtures.Assessment("maturity-1-4", "4", "3", "1"), Fixtures.ThreePointStandard, custom);
        Assert.Equal(("pass", 8, 12), (result.Outcome, result.Score, result.MaxScore));
    }
}
