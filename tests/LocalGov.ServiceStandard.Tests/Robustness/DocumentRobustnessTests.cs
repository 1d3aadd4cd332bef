using System.Diagnostics;
using System.Text.Json.Nodes;
using CsCheck;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Reports;
using LocalGov.ServiceStandard.Serialization;
using LocalGov.ServiceStandard.Tests.Assessments;
using LocalGov.ServiceStandard.Tests.Franchising;

namespace LocalGov.ServiceStandard.Tests.Robustness;

/// <summary>Documents with nulls in lists, links that are not web links, responses that break the workflow, and text built to carry HTML or script into a report.</summary>
public sealed class DocumentRobustnessTests
{
    private static readonly DateOnly Held = new(2024, 3, 1);

    private static Assessment Rich { get; } = Fixtures.Assessment(OutcomeSchemes.RedAmberGreenId, "green", "red", "amber") with
    {
        Panel = [new Participant { Name = "Sam", Role = AssessmentRole.LeadAssessor }],
        ServiceTeam = [new Participant { Name = "Alex", Role = AssessmentRole.ServiceOwner }],
        DoneWell = ["Research"],
        ToExplore = ["Design"],
        NextSteps = ["Reassess"],
        Evidence = [new EvidenceItem { Kind = EvidenceKind.Link, Title = "Prototype", Url = new Uri("https://example.org/p") }],
        Points =
        [
            new PointAssessment { Number = 1, Outcome = "green", DoneWell = ["Interviews"], Evidence = [new EvidenceItem { Kind = EvidenceKind.Document, Title = "Plan" }] },
            new PointAssessment { Number = 2, Outcome = "red", ToExplore = ["Hire"] },
            new PointAssessment { Number = 3, Outcome = "amber" },
        ],
    };

    private static List<(JsonArray Array, string Path)> Arrays(JsonNode node, string path, List<(JsonArray, string)> found)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (value is not null)
                    {
                        Arrays(value, path + "." + name, found);
                    }
                }

                break;
            case JsonArray a:
                found.Add((a, path));
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item)
                    {
                        Arrays(item, $"{path}[{i}]", found);
                    }
                }

                break;
        }

        return found;
    }

    [Fact]
    public void A_null_in_any_list_of_an_assessment_or_pack_is_refused_naming_its_json_path()
    {
        var documents = new (string Json, Func<string, object> Read)[]
        {
            (ServiceStandardJson.Serialize(Rich), j => ServiceStandardJson.DeserializeAssessment(j, "a.json")),
            (ServiceStandardJson.Serialize([Rich, Rich]), j => ServiceStandardJson.DeserializeAssessments(j, "a.json")),
            (ServiceStandardJson.Serialize(FranchisingFixtures.LondonPack), j => ServiceStandardJson.DeserializePack(j, "a.json")),
        };
        Gen.Select(Gen.Int[0, documents.Length - 1], Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((d, pick, at) =>
        {
            var (json, read) = documents[d];
            var root = JsonNode.Parse(json)!;
            var arrays = Arrays(root, "$", []);
            var (array, path) = arrays[pick % arrays.Count];
            var index = at % (array.Count + 1);
            array.Insert(index, null);
            var clock = Stopwatch.StartNew();

            var error = Assert.Throws<InvalidDocumentException>(() => read(root.ToJsonString()));

            Assert.Equal($"{path}[{index}]", error.Location);
            Assert.Contains("null is not allowed", error.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
        }, iter: 100);
    }

    [Fact]
    public void A_link_that_is_not_an_absolute_web_link_is_refused_naming_its_json_path()
    {
        var bad = Gen.OneOf(
            Gen.String[Gen.Char.AlphaNumeric, 1, 12].Select(s => "/" + s),
            Gen.String[Gen.Char.AlphaNumeric, 1, 12].Select(s => s + ".html"),
            Gen.String[Gen.Char.AlphaNumeric, 1, 12].Select(s => "javascript:alert('" + s + "')"),
            Gen.Const("file:///etc/passwd"),
            Gen.Const("data:text/html,<script>alert(1)</script>"),
            Gen.Const("ftp://example.org/x"));
        string[] places = ["$.evidence[0].url", "$.points[0].evidence[0].url", "$.serviceUrl", "$.source"];
        Gen.Select(bad, Gen.Int[0, places.Length - 1]).Sample((url, place) =>
        {
            var root = JsonNode.Parse(ServiceStandardJson.Serialize(Rich))!.AsObject();
            switch (place)
            {
                case 0: root["evidence"]![0]!["url"] = url; break;
                case 1: root["points"]![0]!["evidence"]![0]!["url"] = url; break;
                case 2: root["serviceUrl"] = url; break;
                default: root["source"] = url; break;
            }

            var error = Assert.Throws<InvalidDocumentException>(() => ServiceStandardJson.DeserializeAssessment(root.ToJsonString(), "a.json"));

            Assert.Equal(places[place], error.Location);
            Assert.Contains("not an absolute http or https URL", error.Message, StringComparison.Ordinal);
        }, iter: 60);
    }

    [Fact]
    public void A_response_without_a_finalisation_or_challenging_a_point_the_assessment_lacks_is_refused()
    {
        var finalised = AssessmentResponseWorkflow.Finalise(Rich, new AssessmentFinalisation { Date = Held.AddDays(3), LeadAssessor = "Sam" });
        Gen.Int.Where(n => n is < 1 or > 3).Sample(missing =>
        {
            var response = new ServiceTeamResponse { Date = Held.AddDays(5), Kind = ResponseKind.Challenge, Challenges = [new PointChallenge { Number = 2, Reason = "We hired" }, new PointChallenge { Number = missing, Reason = "No" }] };
            var challenging = ServiceStandardJson.Serialize(finalised with { Response = response });

            var error = Assert.Throws<InvalidDocumentException>(() => ServiceStandardJson.DeserializeAssessment(challenging, "a.json"));

            Assert.Equal("$.response.challenges[1]", error.Location);
            Assert.Contains($"point {missing} cannot be challenged", error.Message, StringComparison.Ordinal);
        }, iter: 30);

        var unfinalised = ServiceStandardJson.Serialize(Rich with { Response = new ServiceTeamResponse { Date = Held.AddDays(5), Kind = ResponseKind.Accept } });
        var draft = Assert.Throws<InvalidDocumentException>(() => ServiceStandardJson.DeserializeAssessments("[" + ServiceStandardJson.Serialize(Rich) + "," + unfinalised + "]", "list.json"));
        Assert.Equal("$[1].response", draft.Location);
        Assert.Contains("no finalisation", draft.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_at_the_start_is_accepted()
    {
        var json = "\uFEFF" + ServiceStandardJson.Serialize(Rich);

        Assert.Equal(Rich.Id, ServiceStandardJson.DeserializeAssessment(json).Id);
        Assert.Equal(FranchisingFixtures.LondonPack.Id, ServiceStandardJson.DeserializePack("\uFEFF" + ServiceStandardJson.Serialize(FranchisingFixtures.LondonPack)).Id);
    }

    [Fact]
    public void The_markdown_report_passes_no_raw_html_and_no_links_but_web_and_mail_links()
    {
        var hostile = Gen.OneOf(
            Gen.String[Gen.Char['\0', '\u007F'], 0, 60],
            Gen.String[Gen.Char.AlphaNumeric, 0, 10].Select(s => $"<script>alert('{s}')</script>"),
            Gen.String[Gen.Char.AlphaNumeric, 0, 10].Select(s => $"[click {s}](javascript:alert(1))"),
            Gen.Const("<img src=x onerror=alert(1)>"),
            Gen.Const("![x](data:image/svg+xml,<svg onload=alert(1)>)"),
            Gen.Const("[ref]: javascript:alert(1)\n\n[ref]"),
            Gen.Const("<javascript:alert(1)>"),
            Gen.Const("\u001B]0;owned\u0007\u001B[31mred"));
        var links = Gen.OneOf(Gen.Const("javascript:alert(1)"), Gen.Const("data:text/html,x"), Gen.Const("https://example.org/a(b)<c>"), Gen.Const("mailto:team@example.org"), Gen.Const("vbscript:x"));
        Gen.Select(hostile, hostile, links).Sample((text, title, link) =>
        {
            var assessment = Rich with
            {
                ServiceName = text,
                Summary = text + "\n\n" + title,
                ServiceDescription = text,
                DoneWell = [text],
                Panel = [new Participant { Name = title, Role = AssessmentRole.LeadAssessor }],
                Evidence = [new EvidenceItem { Kind = EvidenceKind.Link, Title = title, Url = new Uri(link), Text = text }],
                Points = [.. Rich.Points.Select(p => p with { Notes = text, ToExplore = [title] })],
            };

            var md = AssessmentReportRenderer.RenderMarkdown(assessment, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

            // The only angle brackets left are the report's own link destinations, which are web or mail links.
            var withoutLinks = System.Text.RegularExpressions.Regex.Replace(md, @"\]\(<(https?|mailto):[^<>\s]*>\)", "]()");
            Assert.DoesNotContain('<', withoutLinks);
            Assert.DoesNotContain('>', withoutLinks);
            Assert.DoesNotContain('\u001B', md);
            Assert.DoesNotMatch(@"(?<!\\)\]\((?!<(https?|mailto):)", withoutLinks.Replace("]()", string.Empty, StringComparison.Ordinal));
            Assert.Equal(link.StartsWith("https:", StringComparison.Ordinal) || link.StartsWith("mailto:", StringComparison.Ordinal), md.Contains("](<", StringComparison.Ordinal));
        }, iter: 200);
    }

    [Fact]
    public void The_html_report_renders_an_assessment_with_a_relative_link_without_crashing()
    {
        var assessment = Rich with { Evidence = [new EvidenceItem { Kind = EvidenceKind.Link, Title = "Relative", Url = new Uri("/x", UriKind.Relative) }] };

        var html = AssessmentReportRenderer.RenderHtml(assessment, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        Assert.Contains("Relative", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/x\"", html, StringComparison.Ordinal);
    }
}
