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

    private static Assessment FinalisedSample { get; } = AssessmentResponseWorkflow.Finalise(Sample, new AssessmentFinalisation { Date = new DateOnly(2024, 3, 4), LeadAssessor = "Sam <Lead>" });

    private static Assessment LateChallenge { get; } = AssessmentResponseWorkflow.Challenge(
        FinalisedSample,
        new DateOnly(2024, 3, 19),
        [new PointChallenge { Number = 2, Reason = "We have a designer <starting> in April" }],
        "Alex");

    [Fact]
    public void Markdown_shows_the_finalisation_the_deadline_and_a_late_challenge()
    {
        var md = AssessmentReportRenderer.RenderMarkdown(LateChallenge, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        Assert.Contains("- **Finalised:** 4 March 2024 by Sam &lt;Lead&gt;\n", md, StringComparison.Ordinal);
        Assert.Contains("- **Response due by:** 18 March 2024 (10 working days, England and Wales bank holidays excluded)\n", md, StringComparison.Ordinal);
        Assert.Contains("## Service team response\n\n**Challenged**\n\nThe service team challenged the outcome on 19 March 2024 (Alex), late: after the deadline of 18 March 2024.\n", md, StringComparison.Ordinal);
        Assert.Contains("| Point challenged | Title | Reason |\n| --- | --- | --- |\n| 2 | Have a team | We have a designer &lt;starting&gt; in April |\n", md, StringComparison.Ordinal);
        Assert.True(md.IndexOf("## Decision", StringComparison.Ordinal) < md.IndexOf("## Service team response", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_shows_an_acceptance_on_time_across_easter()
    {
        var finalised = AssessmentResponseWorkflow.Finalise(Sample, new AssessmentFinalisation { Date = new DateOnly(2024, 3, 22), LeadAssessor = "Sam <Lead>" });
        var accepted = AssessmentResponseWorkflow.Accept(finalised, new DateOnly(2024, 4, 9));

        var md = AssessmentReportRenderer.RenderMarkdown(accepted, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        Assert.Contains("- **Response due by:** 9 April 2024 (10 working days, England and Wales bank holidays excluded)\n", md, StringComparison.Ordinal);
        Assert.Contains("**Accepted**\n\nThe service team accepted the outcome on 9 April 2024, on time (the deadline was 9 April 2024).\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Point challenged", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_say_a_response_is_awaited_and_drafts_say_nothing_of_it()
    {
        var awaiting = AssessmentReportRenderer.RenderMarkdown(FinalisedSample, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);
        var draft = AssessmentReportRenderer.RenderMarkdown(Sample, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        Assert.Contains("## Service team response\n\n**No response yet**\n\nThe service team accepts or challenges this assessment by 18 March 2024.\n", awaiting, StringComparison.Ordinal);
        Assert.DoesNotContain("Service team response", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Finalised", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_shows_the_response_in_words_with_a_captioned_table_of_challenged_points()
    {
        var html = AssessmentReportRenderer.RenderHtml(LateChallenge with { Supersedes = "a0" }, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        var document = XDocument.Parse(html.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
        var tables = document.Descendants("table").ToList();
        Assert.Equal(4, tables.Count);
        Assert.All(tables, t => Assert.All(t.Descendants("th"), th => Assert.NotNull(th.Attribute("scope"))));
        Assert.Equal("Points the service team challenged", tables.Single(t => t.Element("caption")!.Value.StartsWith("Points", StringComparison.Ordinal)).Element("caption")!.Value);
        Assert.Contains("<dt>Finalised</dt><dd>4 March 2024 by Sam &lt;Lead&gt;</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Response due by</dt><dd>18 March 2024 (10 working days, England and Wales bank holidays excluded)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Supersedes</dt><dd>a0</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Service team response</h2>\n<p><strong class=\"govuk-tag govuk-tag--orange\">Challenged</strong></p>\n<p>The service team challenged the outcome on 19 March 2024 (Alex), late: after the deadline of 18 March 2024.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">2</th><td>Have a team</td><td>We have a designer &lt;starting&gt; in April</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Response_terms_name_the_nation_and_closure_days()
    {
        var finalised = AssessmentResponseWorkflow.Finalise(Sample, new AssessmentFinalisation { Date = new DateOnly(2024, 3, 4), LeadAssessor = "Sam <Lead>", Nation = UkNation.Scotland, ResponseWorkingDays = 5, ClosureDays = [new DateOnly(2024, 3, 5)] });

        var md = AssessmentReportRenderer.RenderMarkdown(finalised, OutcomeSchemes.RedAmberGreen, Fixtures.ThreePointStandard);

        Assert.Contains("- **Response due by:** 12 March 2024 (5 working days, Scotland bank holidays and closure days excluded)\n", md, StringComparison.Ordinal);
    }
}
