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
    public void A_finalised_and_challenged_assessment_round_trips()
    {
        var draft = Fixtures.Assessment(OutcomeSchemes.RedAmberGreenId, "green", "amber", "red") with
        {
            Panel = [new Participant { Name = "Sam", Role = AssessmentRole.LeadAssessor }],
            Supersedes = "a0",
        };
        var finalised = AssessmentResponseWorkflow.Finalise(draft, new AssessmentFinalisation
        {
            Date = new DateOnly(2024, 3, 4),
            LeadAssessor = "Sam",
            ResponseWorkingDays = 15,
            Nation = UkNation.Scotland,
            ClosureDays = [new DateOnly(2024, 3, 8)],
        });
        var challenged = AssessmentResponseWorkflow.Challenge(finalised, new DateOnly(2024, 3, 11), [new PointChallenge { Number = 3, Reason = "Published on GitHub." }], "Alex");

        var json = ServiceStandardJson.Serialize(challenged);
        var back = ServiceStandardJson.DeserializeAssessment(json);

        Assert.Equal(json, ServiceStandardJson.Serialize(back));
        Assert.Contains("\"supersedes\": \"a0\"", json, StringComparison.Ordinal);
        Assert.Contains("\"nation\": \"scotland\"", json, StringComparison.Ordinal);
        Assert.Contains("\"responseWorkingDays\": 15", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"challenge\"", json, StringComparison.Ordinal);
        Assert.Equal([new DateOnly(2024, 3, 8)], back.Finalisation!.ClosureDays);
        Assert.Equal("Published on GitHub.", back.Response!.Challenges[0].Reason);
        Assert.Equal(AssessmentResponseWorkflow.ResponseDeadline(challenged), AssessmentResponseWorkflow.ResponseDeadline(back));
        Assert.Equal(AssessmentState.Challenged, AssessmentResponseWorkflow.Status(back, new DateOnly(2024, 3, 11)).State);
    }

    [Fact]
    public void A_finalisation_without_terms_reads_with_the_default_terms()
    {
        var assessment = ServiceStandardJson.DeserializeAssessment("{\"id\":\"a\",\"serviceName\":\"s\",\"organisation\":\"o\",\"scheme\":\"met-not-met\",\"standard\":{\"standardId\":\"x\",\"version\":\"1\"},\"finalisation\":{\"date\":\"2025-04-10\",\"leadAssessor\":\"Sam\"}}");

        Assert.Null(assessment.Finalisation!.ResponseWorkingDays);
        Assert.Equal(UkNation.EnglandAndWales, assessment.Finalisation.Nation);
        Assert.Empty(assessment.Finalisation.ClosureDays);
        Assert.Equal(new DateOnly(2025, 4, 28), AssessmentResponseWorkflow.ResponseDeadline(assessment));
    }

    [Fact]
    public void An_assessment_written_before_the_response_workflow_still_loads_unchanged()
    {
        var path = Path.Combine(LocalGov.Testing.RepositoryPaths.Root, "samples", "AssessmentReport", "example-assessment.json");
        var original = File.ReadAllText(path);

        var assessment = ServiceStandardJson.DeserializeAssessment(original, path);
        var again = ServiceStandardJson.Serialize(assessment);

        Assert.Equal("example-speeding-report-alpha", assessment.Id);
        Assert.Null(assessment.Finalisation);
        Assert.Null(assessment.Response);
        Assert.Null(assessment.Supersedes);
        Assert.Equal(AssessmentState.Draft, AssessmentResponseWorkflow.Status(assessment, new DateOnly(2027, 1, 1)).State);
        Assert.Equal(15, assessment.Points.Count);
        Assert.DoesNotContain("finalisation", again, StringComparison.Ordinal);

        // The writer adds empty lists and false flags the sample leaves out; apart from those it is the same document.
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(original), WithoutDefaults(System.Text.Json.Nodes.JsonNode.Parse(again))), again);
    }

    private static System.Text.Json.Nodes.JsonNode? WithoutDefaults(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is System.Text.Json.Nodes.JsonArray { Count: 0 } || (value is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.False))
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        WithoutDefaults(value);
                    }
                }

                break;
            case System.Text.Json.Nodes.JsonArray array:
                foreach (var item in array)
                {
                    WithoutDefaults(item);
                }

                break;
        }

        return node;
    }

    [Fact]
    public void A_status_serialises_with_kebab_case_state()
    {
        var status = new AssessmentStatus { AsOf = new DateOnly(2026, 1, 8), State = AssessmentState.ResponseOverdue, Deadline = new DateOnly(2026, 1, 7), WorkingDaysOverdue = 1 };

        var json = System.Text.Json.JsonSerializer.Serialize(status, ServiceStandardJsonContext.Default.AssessmentStatus);

        Assert.Contains("\"state\": \"response-overdue\"", json, StringComparison.Ordinal);
        Assert.Contains("\"workingDaysOverdue\": 1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("workingDaysLeft", json, StringComparison.Ordinal);
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
