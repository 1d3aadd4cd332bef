using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Franchising;
using LocalGov.ServiceStandard.Serialization;
using LocalGov.ServiceStandard.Tests.Assessments;
using LocalGov.ServiceStandard.Tests.Franchising;

namespace LocalGov.ServiceStandard.Tests.Serialization;

public sealed class RoundTripTests
{
    public static TheoryData<string> CatalogueVersions => [.. StandardCatalog.LoadBuiltIn().Versions.Select(v => v.Reference.ToString())];

    [Theory]
    [MemberData(nameof(CatalogueVersions))]
    public void Every_catalogue_standard_round_trips(string reference)
    {
        var standard = StandardCatalog.LoadBuiltIn().Get(StandardReference.Parse(reference));

        var json = ServiceStandardJson.Serialize(standard);
        var again = ServiceStandardJson.Serialize(ServiceStandardJson.DeserializeStandard(json));

        Assert.Equal(json, again);
    }

    [Fact]
    public void A_full_assessment_round_trips()
    {
        var assessment = Fixtures.Assessment(OutcomeSchemes.RedAmberGreenId, "green", "amber", "red") with
        {
            ServiceUrl = new Uri("https://example.org/pothole"),
            Panel = [new Participant { Name = "Sam", Role = AssessmentRole.LeadAssessor, LeadsOnPoints = [1] }],
            Evidence = [new EvidenceItem { Kind = EvidenceKind.Document, Title = "DPIA", DocumentReference = "DPIA-7", Date = new DateOnly(2024, 1, 31) }],
            DoneWell = ["Good"],
            ToExplore = ["Better"],
            NextSteps = ["Book a reassessment"],
            StatedResult = "red",
            ReassessmentOf = "a0",
        };

        var json = ServiceStandardJson.Serialize(assessment);
        var back = ServiceStandardJson.DeserializeAssessment(json);

        Assert.Equal(json, ServiceStandardJson.Serialize(back));
        Assert.Contains("\"phase\": \"alpha\"", json, StringComparison.Ordinal);
        Assert.Contains("\"date\": \"2024-03-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"role\": \"lead-assessor\"", json, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 1, 31), back.Evidence[0].Date);
    }

    [Fact]
    public void A_derived_standard_with_every_kind_of_edit_round_trips()
    {
        var derived = StandardDerivation.Derive(Fixtures.ThreePointStandard, "test-standard", "2", FranchisingFixtures.AllEdits, publisher: "South peer group");

        var json = ServiceStandardJson.Serialize(derived);

        Assert.Equal(json, ServiceStandardJson.Serialize(ServiceStandardJson.DeserializeStandard(json)));
        Assert.Contains("\"op\": \"reword\"", json, StringComparison.Ordinal);
        Assert.Contains("\"op\": \"move\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_with_edits_round_trips()
    {
        var derived = PackFranchise.Derive(FranchisingFixtures.LondonPack, "midlands-teacamps", "1", FranchisingFixtures.PackEdits, peerGroup: "Midlands peer group");

        var json = ServiceStandardJson.Serialize(derived);

        Assert.Equal(json, ServiceStandardJson.Serialize(ServiceStandardJson.DeserializePack(json)));
        Assert.Contains("\"op\": \"edit-material\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", null)]
    [InlineData("null", null)]
    [InlineData("{\"id\":\"a\",\"serviceName\":\"s\",\"organisation\":\"o\",\"standard\":{\"standardId\":\"x\",\"version\":\"1\"}}", "scheme")]
    [InlineData("{\"id\":\"a\",\"serviceName\":\"s\",\"organisation\":\"o\",\"scheme\":\"met-not-met\",\"phase\":\"gamma\",\"standard\":{\"standardId\":\"x\",\"version\":\"1\"}}", "$.phase")]
    public void Invalid_assessment_json_is_a_typed_error_with_its_place(string json, string? mention)
    {
        var error = Assert.Throws<InvalidDocumentException>(() => ServiceStandardJson.DeserializeAssessment(json, "a.json"));

        Assert.Equal("a.json", error.Source);
        if (mention is not null)
        {
            Assert.Contains(mention, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_standard_with_misnumbered_or_duplicate_points_is_rejected()
    {
        var misnumbered = Fixtures.ThreePointStandard with { Points = [.. Fixtures.ThreePointStandard.Points.Select(p => p with { Number = p.Number * 2 })] };
        var duplicate = Fixtures.ThreePointStandard with { Points = [.. Fixtures.ThreePointStandard.Points.Select(p => p with { Id = "same" })] };

        var first = Assert.Throws<InvalidDocumentException>(() => ServiceStandardJson.DeserializeStandard(ServiceStandardJson.Serialize(misnumbered), "s.json"));
        var second = Assert.Throws<InvalidDocumentException>(() => ServiceStandardJson.DeserializeStandard(ServiceStandardJson.Serialize(duplicate), "s.json"));

        Assert.Equal("$.points[0]", first.Location);
        Assert.Contains("used twice", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_lists_missing_from_json_read_as_empty()
    {
        var assessment = ServiceStandardJson.DeserializeAssessment("{\"id\":\"a\",\"serviceName\":\"s\",\"organisation\":\"o\",\"scheme\":\"met-not-met\",\"standard\":{\"standardId\":\"x\",\"version\":\"1\"},\"points\":[{\"number\":1}]}");

        Assert.Empty(assessment.Panel);
        Assert.Empty(assessment.Points[0].DoneWell);
        Assert.Empty(StandardCatalog.LoadBuiltIn().Get("lgdss").Sections);
    }

    [Fact]
    public void Unknown_edit_kind_is_a_typed_error()
    {
        var error = Assert.Throws<InvalidDocumentException>(() => ServiceStandardJson.DeserializeEdits("[{\"op\":\"merge\",\"pointId\":\"a\"}]", "edits.json"));

        Assert.Equal("edits.json", error.Source);
    }
}
