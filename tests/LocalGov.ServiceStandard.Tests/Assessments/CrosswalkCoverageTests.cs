using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Tests.Assessments;

public sealed class CrosswalkCoverageTests
{
    private static readonly StandardCatalog Catalog = StandardCatalog.LoadBuiltIn();

    [Fact]
    public void An_lgdss_assessment_maps_onto_the_2019_standard_with_point_2_as_the_gap()
    {
        var lgdss = Catalog.Get("lgdss", "2016-04-07");
        var ss2019 = Catalog.Get("govuk-service-standard", "2019-05");
        var crosswalk = Catalog.FindCrosswalk(lgdss.Reference, ss2019.Reference)!;
        var assessment = new Assessment
        {
            Id = "old",
            ServiceName = "Parking permits",
            Organisation = "Anytown",
            Standard = lgdss.Reference,
            Scheme = OutcomeSchemes.MetNotMetId,
            Points = [.. lgdss.Points.Select(p => new PointAssessment { Number = p.Number, Outcome = p.Number == 9 ? "not-met" : "met" })],
        };

        var coverage = CrosswalkCoverage.Map(assessment, OutcomeSchemes.MetNotMet, crosswalk, ss2019);

        Assert.Equal(14, coverage.Count);
        Assert.Equal([2], coverage.Where(c => c.IsGap).Select(c => c.Number));
        var point14 = coverage.Single(c => c.Number == 14);
        Assert.Contains(point14.Sources, s => s.FromPoint == 9 && s.IsFailing);
        Assert.False(point14.IsCoveredWithoutFailure);
        Assert.True(coverage.Single(c => c.Number == 6).IsCoveredWithoutFailure);
    }

    [Fact]
    public void An_assessment_of_another_standard_is_rejected()
    {
        var lgdss = Catalog.Get("lgdss", "2016-04-07");
        var ss2019 = Catalog.Get("govuk-service-standard", "2019-05");
        var crosswalk = Catalog.FindCrosswalk(lgdss.Reference, ss2019.Reference)!;

        Assert.Throws<InvalidAssessmentException>(() => CrosswalkCoverage.Map(Fixtures.Assessment(OutcomeSchemes.MetNotMetId), OutcomeSchemes.MetNotMet, crosswalk, ss2019));
        Assert.Throws<InvalidAssessmentException>(() => CrosswalkCoverage.Map(Fixtures.Assessment(OutcomeSchemes.MetNotMetId) with { Standard = lgdss.Reference }, OutcomeSchemes.MetNotMet, crosswalk, lgdss));
    }
}
