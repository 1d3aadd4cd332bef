using LocalGov.ServiceStandard.Assessments;

namespace LocalGov.ServiceStandard.Tests.Assessments;

public sealed class ConversionAndReassessmentTests
{
    [Fact]
    public void Pass_not_pass_converts_to_met_not_met_and_back_unchanged()
    {
        var original = Fixtures.Assessment(OutcomeSchemes.PassNotPassId, "pass", "not-pass", "not-applicable") with { StatedResult = "not-pass" };

        var met = OutcomeConverter.Convert(original, OutcomeSchemes.PassNotPass, OutcomeSchemes.MetNotMet);
        var back = OutcomeConverter.Convert(met, OutcomeSchemes.MetNotMet, OutcomeSchemes.PassNotPass);

        Assert.Equal(["met", "not-met", "not-applicable"], met.Points.Select(p => p.Outcome));
        Assert.Equal("not-met", met.StatedResult);
        Assert.Equal(OutcomeSchemes.MetNotMetId, met.Scheme);
        Assert.Equal(original.Points.Select(p => p.Outcome), back.Points.Select(p => p.Outcome));
        Assert.True(OutcomeConverter.IsLossless(OutcomeSchemes.PassNotPass, OutcomeSchemes.MetNotMet));
    }

    [Fact]
    public void Green_converts_to_met_but_amber_is_refused()
    {
        var allGreen = Fixtures.Assessment(OutcomeSchemes.RedAmberGreenId, "green", "green", "green");
        var withAmber = Fixtures.Assessment(OutcomeSchemes.RedAmberGreenId, "green", "amber", "green");

        Assert.All(OutcomeConverter.Convert(allGreen, OutcomeSchemes.RedAmberGreen, OutcomeSchemes.MetNotMet).Points, p => Assert.Equal("met", p.Outcome));
        var error = Assert.Throws<LossyConversionException>(() => OutcomeConverter.Convert(withAmber, OutcomeSchemes.RedAmberGreen, OutcomeSchemes.MetNotMet));
        Assert.Equal(2, error.PointNumber);
        Assert.Equal("amber", error.Value);
        Assert.False(OutcomeConverter.IsLossless(OutcomeSchemes.RedAmberGreen, OutcomeSchemes.MetNotMet));
    }

    [Fact]
    public void Not_met_to_rag_is_refused_because_amber_or_red_would_be_invented()
    {
        var assessment = Fixtures.Assessment(OutcomeSchemes.MetNotMetId, "met", "not-met", "met");

        var error = Assert.Throws<LossyConversionException>(() => OutcomeConverter.Convert(assessment, OutcomeSchemes.MetNotMet, OutcomeSchemes.RedAmberGreen));

        Assert.Equal(OutcomeSchemes.MetNotMetId, error.FromScheme);
        Assert.Equal(OutcomeSchemes.RedAmberGreenId, error.ToScheme);
    }

    [Fact]
    public void Scores_never_convert_to_pass_fail()
    {
        var scored = Fixtures.Assessment(OutcomeSchemes.GlaScoreId, "5", "5", "5");

        Assert.Throws<LossyConversionException>(() => OutcomeConverter.Convert(scored, OutcomeSchemes.GlaScore, OutcomeSchemes.PassNotPass));
        Assert.Throws<LossyConversionException>(() => OutcomeConverter.Convert(Fixtures.Assessment(OutcomeSchemes.PassNotPassId, "pass", "pass", "pass"), OutcomeSchemes.PassNotPass, OutcomeSchemes.GlaScore));
    }

    [Fact]
    public void Reassessment_covers_only_the_failed_points_and_carries_the_rest_over()
    {
        var first = Fixtures.Assessment(OutcomeSchemes.RedAmberGreenId, "green", "red", "amber");

        var second = Reassessment.Create(first, OutcomeSchemes.RedAmberGreen, "a2", new DateOnly(2024, 6, 1), [new PointAssessment { Number = 2, Outcome = "green", DoneWell = ["Hired a user researcher"] }]);

        Assert.Equal("a1", second.ReassessmentOf);
        Assert.Equal(["green", "green", "amber"], second.Points.Select(p => p.Outcome));
        Assert.Equal([true, false, true], second.Points.Select(p => p.CarriedOver));
        Assert.Equal("amber", AssessmentEvaluator.Evaluate(second, Fixtures.ThreePointStandard, OutcomeSchemes.RedAmberGreen).Outcome);
    }

    [Fact]
    public void Reassessing_a_point_that_did_not_fail_is_refused()
    {
        var first = Fixtures.Assessment(OutcomeSchemes.MetNotMetId, "met", "not-met", "met");

        var error = Assert.Throws<InvalidAssessmentException>(() => Reassessment.Create(first, OutcomeSchemes.MetNotMet, "a2", new DateOnly(2024, 6, 1), [new PointAssessment { Number = 1, Outcome = "met" }]));

        Assert.Equal(1, error.PointNumber);
    }

    [Fact]
    public void Score_schemes_and_passed_assessments_cannot_be_reassessed_by_point()
    {
        Assert.Throws<InvalidAssessmentException>(() => Reassessment.Create(Fixtures.Assessment(OutcomeSchemes.GlaScoreId, "0", "0", "0"), OutcomeSchemes.GlaScore, "a2", new DateOnly(2024, 6, 1), []));
        Assert.Throws<InvalidAssessmentException>(() => Reassessment.Create(Fixtures.Assessment(OutcomeSchemes.MetNotMetId, "met", "met", "met"), OutcomeSchemes.MetNotMet, "a2", new DateOnly(2024, 6, 1), []));
    }

    [Fact]
    public void History_shows_progress_over_time()
    {
        var alpha = Fixtures.Assessment(OutcomeSchemes.MetNotMetId, "met", "not-met", "not-met");
        var reassessed = Reassessment.Create(alpha, OutcomeSchemes.MetNotMet, "a2", new DateOnly(2024, 5, 1), [new PointAssessment { Number = 2, Outcome = "met" }]);
        var beta = Fixtures.Assessment(OutcomeSchemes.MetNotMetId, "not-met", "met", "met") with { Id = "a3", Phase = ServicePhase.PrivateBeta, Date = new DateOnly(2024, 11, 1) };
        var history = new AssessmentHistory([beta, reassessed, alpha], OutcomeSchemeRegistry.CreateDefault(), new Dictionary<string, int> { ["test-standard@1"] = 3 });

        var progress = history.Progress();

        Assert.Equal(["a1", "a2", "a3"], progress.Select(p => p.AssessmentId));
        Assert.Equal([2, 3], progress[0].FailingPoints);
        Assert.Equal([2], progress[1].Improved);
        Assert.Equal([3], progress[2].Improved);
        Assert.Equal([1], progress[2].Regressed);
        Assert.Equal(["not-met", "met", "met"], history.PointTrend(2).Select(t => t.Outcome));
    }

    [Fact]
    public void History_takes_point_counts_from_a_catalogue()
    {
        var catalog = new LocalGov.ServiceStandard.Catalogue.StandardCatalog([Fixtures.ThreePointStandard], []);
        var history = new AssessmentHistory([Fixtures.Assessment(OutcomeSchemes.MetNotMetId, "met", "met", null)], OutcomeSchemeRegistry.CreateDefault(), catalog);

        Assert.Equal("incomplete", Assert.Single(history.Progress()).Result);
        Assert.Throws<StandardNotFoundException>(() => new AssessmentHistory([Fixtures.Assessment(OutcomeSchemes.MetNotMetId) with { Standard = new StandardReference("other", "1") }], OutcomeSchemeRegistry.CreateDefault(), catalog));
    }
}
