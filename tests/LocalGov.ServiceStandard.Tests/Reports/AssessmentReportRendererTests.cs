using System.Xml.Linq;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Reports;
using LocalGov.ServiceStandard.Tests.Assessments;

namespace LocalGov.ServiceStandard.Tests.Reports;

public sealed class AssessmentReportRendererTests
{
    private static readonly Assessment Sample = Fixtures.Assessment(OutcomeSchemes.RedAmberGreenId, "green", "red", null) with
    {
        Panel = [new Participant { Name = "Sam <Lead>", Role = AssessmentRole.LeadAssessor }, new Participant { Name = "Kim", Role = AssessmentRole.PeerReviewer, Organisation = "Othertown Council" }],
        ServiceTeam = [new Participant { Name = "Alex", Role = AssessmentRole.ServiceOwner }],
        Summary = "The team knows its users & their needs.",
        Points =
        [
            new PointAssessment
            {
                Number = 1,
                Outcome = "green",
                DoneWell = ["Researched with <script>alert(1)</script> residents"],
                Evidence = [new EvidenceItem { Kind = EvidenceKind.Document, Title = "Research plan", DocumentReference = "RP-2 v3", Date = new DateOnly(2024, 2, 1) }, new EvidenceItem { Kind = EvidenceKind.Link, Title = "Prototype", Url = new Uri("https://example.org/proto?a=1&b=2") }],
            },
            new PointAssessment { Number = 2, Outcome = "red", ToExplore = ["Recruit a designer"] },
        ],
    };

    [Fact]
    public void Markdown_follows_the_govuk_report_structure()
    {
        var md = AssessmentReportRenderer.RenderMarkdown(Sample, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        Assert.Contains("# Report a pothole service assessment", md, StringComparison.Ordinal);
        Assert.Contains("- **From:** Anytown District Council", md, StringComparison.Ordinal);
        Assert.Contains("## Decision\n\n**Red**", md, StringComparison.Ordinal);
        Assert.Contains("| 2 | Have a team | Red |", md, StringComparison.Ordinal);
        Assert.Contains("| Kim | Peer reviewer, Othertown Council |", md, StringComparison.Ordinal);
        Assert.Contains("## Service team\n\n| Name | Role |\n| --- | --- |\n| Alex | Service owner |", md, StringComparison.Ordinal);
        Assert.Contains("| 3 | Make code open | Not assessed |", md, StringComparison.Ordinal);
        Assert.Contains("### What the team has done well", md, StringComparison.Ordinal);
        Assert.Contains("### What the team needs to explore\n\n- Recruit a designer", md, StringComparison.Ordinal);
        Assert.Contains("Research plan (RP-2 v3), 1 February 2024", md, StringComparison.Ordinal);
        Assert.Contains("## Next steps\n\n- Reassess the failing point: 2.", md, StringComparison.Ordinal);
        Assert.True(md.IndexOf("## Decision", StringComparison.Ordinal) < md.IndexOf("## 1. Understand users", StringComparison.Ordinal));
        Assert.True(md.IndexOf("## 2. Have a team", StringComparison.Ordinal) < md.IndexOf("## Next steps", StringComparison.Ordinal));
        Assert.EndsWith("Written for tests.\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_well_formed_with_captioned_tables_and_scoped_headers()
    {
        var html = AssessmentReportRenderer.RenderHtml(Sample, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        var document = XDocument.Parse(html.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
        var tables = document.Descendants("table").ToList();
        Assert.Equal(3, tables.Count);
        Assert.All(tables, t =>
        {
            Assert.NotNull(t.Element("caption"));
            Assert.All(t.Descendants("th"), th => Assert.NotNull(th.Attribute("scope")));
        });
        Assert.Single(document.Descendants("h1"));
        Assert.Equal("en-GB", document.Root!.Attribute("lang")!.Value);
        Assert.NotNull(document.Descendants("main").SingleOrDefault());
    }

    [Fact]
    public void Html_gives_outcomes_as_text_not_only_colour()
    {
        var html = AssessmentReportRenderer.RenderHtml(Sample, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        Assert.Contains("<strong class=\"govuk-tag govuk-tag--red\">Red</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--green\">Green</strong>", html, StringComparison.Ordinal);
        Assert.Contains(">Not assessed</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_encodes_all_user_text()
    {
        var html = AssessmentReportRenderer.RenderHtml(Sample, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Sam &lt;Lead&gt;", html, StringComparison.Ordinal);
        Assert.Contains("users &amp; their needs", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/proto?a=1&amp;b=2\"", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2024-02-01\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_web_links_become_anchors()
    {
        var assessment = Sample with { Evidence = [new EvidenceItem { Kind = EvidenceKind.Link, Title = "Bad", Url = new Uri("javascript:alert(1)") }] };

        var html = AssessmentReportRenderer.RenderHtml(assessment, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_reports_show_the_total_and_a_stated_result_is_explained_against_the_rule()
    {
        var scored = Fixtures.Assessment(OutcomeSchemes.GlaScoreId, "5", "4", "3");
        var passing = Fixtures.Assessment(OutcomeSchemes.GlaScoreId, "5", "5", "5");
        var stated = Fixtures.Assessment(OutcomeSchemes.MetNotMetId, "met", "met", "met") with { StatedResult = "not-met" };

        var scoreMd = AssessmentReportRenderer.RenderMarkdown(scored, OutcomeSchemes.GlaScore, Fixtures.ThreePointStandard);
        var statedMd = AssessmentReportRenderer.RenderMarkdown(stated, OutcomeSchemes.MetNotMet, Fixtures.ThreePointStandard);

        Assert.Contains("**Not pass (12 of 15)**", scoreMd, StringComparison.Ordinal);
        Assert.Contains("**Pass (15 of 15)**", AssessmentReportRenderer.RenderMarkdown(passing, OutcomeSchemes.GlaScore, Fixtures.ThreePointStandard), StringComparison.Ordinal);
        Assert.Contains("**Not met**", statedMd, StringComparison.Ordinal);
        Assert.Contains("By the scheme's rule alone the result would be 'Met'", statedMd, StringComparison.Ordinal);
    }
}
