using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Tests.Catalogue;

public sealed class StandardCatalogTests
{
    private static readonly StandardCatalog Catalog = StandardCatalog.LoadBuiltIn();

    [Theory]
    [InlineData("lgdss", "2016-04-07", 15)]
    [InlineData("lgdss", "2016-02-29-draft", 18)]
    [InlineData("govuk-service-standard", "2019-05", 14)]
    [InlineData("govuk-service-standard", "2019-05-revised", 14)]
    [InlineData("govuk-digital-service-standard", "2015-06", 18)]
    [InlineData("govuk-digital-service-standard", "2016", 18)]
    [InlineData("govuk-digital-by-default-service-standard", "2014-04", 26)]
    [InlineData("nhs-service-standard", "2026-01", 17)]
    [InlineData("technology-code-of-practice", "13-point", 13)]
    [InlineData("local-digital-declaration", "2018-07-04", 5)]
    [InlineData("digital-best-practice-checklist", "2015-01-21-draft", 7)]
    public void Built_in_catalogue_has_every_standard_with_its_point_count(string id, string version, int points)
    {
        var standard = Catalog.Get(id, version);

        Assert.Equal(points, standard.Points.Count);
        Assert.Equal(Enumerable.Range(1, points), standard.Points.Select(p => p.Number));
        Assert.False(string.IsNullOrWhiteSpace(standard.Attribution.Statement));
    }

    [Fact]
    public void Every_point_has_a_text_or_says_what_is_unknown()
    {
        foreach (var standard in Catalog.Versions)
        {
            foreach (var point in standard.Points)
            {
                Assert.True(point.Title is not null || point.Text is not null || point.Gaps.Count > 0, $"{standard.Reference} point {point.Number}");
                if (point.Title is null || point.Text is null)
                {
                    Assert.True(point.Gaps.Count > 0, $"{standard.Reference} point {point.Number} misses a title or text but states no gap");
                }
            }
        }
    }

    [Fact]
    public void Lgdss_2016_point_texts_are_the_published_statements()
    {
        var lgdss = Catalog.Get("lgdss", "2016-04-07");

        Assert.Equal("Test the service from beginning to end with appropriate council member or senior manager responsible for it.", lgdss.FindPoint(15)!.Text);
        Assert.Null(lgdss.FindPoint(12)!.Title);
        Assert.Contains(lgdss.FindPoint(12)!.Gaps, g => g.Contains("title", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("LocalGov Digital", lgdss.Attribution.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_standard_2019_wording_differs_from_the_revised_one_only_in_points_2_and_5()
    {
        var original = Catalog.Get("govuk-service-standard", "2019-05");
        var revised = Catalog.Get("govuk-service-standard", "2019-05-revised");

        var differing = original.Points.Where(p => p.Text != revised.FindPoint(p.Id)!.Text).Select(p => p.Number);
        Assert.Equal([2, 5], differing);
        Assert.Contains("one whole problem", original.FindPoint(2)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_and_supersession_link_the_lineage()
    {
        Assert.Equal(StandardStatus.Superseded, Catalog.Get("lgdss", "2016-04-07").Status);
        Assert.Equal(StandardStatus.Draft, Catalog.Get("lgdss", "2016-02-29-draft").Status);
        Assert.Equal(new StandardReference("govuk-service-standard", "2019-05"), Catalog.Get("lgdss", "2016-04-07").SupersededBy);
        Assert.Equal(StandardStatus.Current, Catalog.Get("govuk-service-standard").Status);

        var lineage = Catalog.Lineage(new StandardReference("govuk-service-standard", "2019-05-revised")).Select(r => r.ToString());
        Assert.Equal(
            ["govuk-service-standard@2019-05-revised", "govuk-service-standard@2019-05", "govuk-digital-service-standard@2016", "govuk-digital-service-standard@2015-06", "govuk-digital-by-default-service-standard@2014-04"],
            lineage);
    }

    [Fact]
    public void Latest_version_is_the_one_not_superseded_within_the_standard()
    {
        Assert.Equal("2016-04-07", Catalog.Get("lgdss").Version);
        Assert.Equal("2019-05-revised", Catalog.Get("govuk-service-standard").Version);
    }

    [Fact]
    public void Crosswalk_lgdss_to_2019_maps_every_lgdss_point_and_shows_the_gap()
    {
        var crosswalk = Catalog.FindCrosswalk(new StandardReference("lgdss", "2016-04-07"), new StandardReference("govuk-service-standard", "2019-05"));

        Assert.NotNull(crosswalk);
        Assert.Equal(Enumerable.Range(1, 15), crosswalk.Mappings.Select(m => m.FromPoint).Distinct().Order());
        Assert.Equal(CrosswalkRelation.None, Assert.Single(crosswalk.For(15)).Relation);
        Assert.Equal([2], crosswalk.UncoveredTargetPoints(Catalog.Get("govuk-service-standard", "2019-05")));
    }

    [Fact]
    public void Every_crosswalk_names_points_that_exist()
    {
        foreach (var crosswalk in Catalog.Crosswalks)
        {
            var from = Catalog.Get(crosswalk.From);
            var to = Catalog.Get(crosswalk.To);
            Assert.All(crosswalk.Mappings, m =>
            {
                Assert.NotNull(from.FindPoint(m.FromPoint));
                Assert.True(m.ToPoint is null || to.FindPoint(m.ToPoint.Value) is not null, $"{crosswalk.Id}: {m.FromPoint} -> {m.ToPoint}");
            });
        }
    }

    [Fact]
    public void Unknown_standard_or_version_is_a_typed_error_naming_what_exists()
    {
        var noStandard = Assert.Throws<StandardNotFoundException>(() => Catalog.Get("no-such-standard"));
        Assert.Contains("lgdss", noStandard.Message, StringComparison.Ordinal);

        var noVersion = Assert.Throws<StandardNotFoundException>(() => Catalog.Get("lgdss", "1999"));
        Assert.Equal("1999", noVersion.Version);
        Assert.Contains("2016-04-07", noVersion.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checklist_kind_carries_questions_with_recommendations()
    {
        var checklist = Catalog.Get("digital-best-practice-checklist");

        Assert.Equal(StandardKind.Checklist, checklist.Kind);
        Assert.All(checklist.Points, p => Assert.NotEmpty(p.Gaps));
    }

    [Theory]
    [InlineData("lgdss@2016-04-07", "lgdss", "2016-04-07")]
    [InlineData(" nhs-service-standard @ 2026-01 ", "nhs-service-standard", "2026-01")]
    public void Reference_parses_id_at_version(string text, string id, string version)
    {
        var reference = StandardReference.Parse(text);

        Assert.Equal(id, reference.StandardId);
        Assert.Equal(version, reference.Version);
    }

    [Theory]
    [InlineData("lgdss")]
    [InlineData("@2016")]
    [InlineData("lgdss@")]
    [InlineData("a@b@c")]
    public void Reference_rejects_malformed_text(string text) =>
        Assert.Throws<FormatException>(() => StandardReference.Parse(text));
}
