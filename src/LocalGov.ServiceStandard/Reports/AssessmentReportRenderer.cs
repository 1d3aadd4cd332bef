using System.Globalization;
using System.Net;
using System.Text;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Reports;

/// <summary>
/// Renders an assessment as a report in the GOV.UK shape: metadata, decision, an outcome table, then per point the
/// decision, what the team has done well and what it needs to explore, then next steps. HTML output is accessible:
/// semantic headings, captioned tables with scoped header cells, outcomes as text (colour only decorates), and every
/// piece of user text HTML-encoded.
/// </summary>
public static class AssessmentReportRenderer
{
    /// <summary>Renders the report as Markdown.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="scheme">Its outcome scheme.</param>
    /// <param name="standard">The assessed standard version, for point titles and attribution; null to render numbers only.</param>
    /// <returns>The Markdown.</returns>
    public static string RenderMarkdown(Assessment assessment, IOutcomeScheme scheme, StandardVersion? standard = null)
    {
        var model = ReportModel.Create(assessment, scheme, standard);
        var md = new StringBuilder();
        md.Append("# ").Append(Inline(assessment.ServiceName)).Append(" service assessment\n\n");
        foreach (var (label, value) in model.Metadata)
        {
            md.Append("- **").Append(Md(label)).Append(":** ").Append(Inline(value)).Append('\n');
        }

        md.Append("\n## Decision\n\n").Append("**").Append(Md(model.ResultLabel)).Append("**\n\n").Append(Md(model.ResultExplanation)).Append('\n');
        if (assessment.Summary is not null)
        {
            md.Append('\n').Append(Block(assessment.Summary)).Append('\n');
        }

        if (model.Response is { } response)
        {
            md.Append("\n## Service team response\n\n**").Append(Md(response.Label)).Append("**\n\n").Append(Inline(response.Sentence)).Append('\n');
            if (response.Challenges.Count > 0)
            {
                md.Append("\n| Point challenged | Title | Reason |\n| --- | --- | --- |\n");
                foreach (var (number, pointTitle, reason) in response.Challenges)
                {
                    md.Append("| ").Append(number).Append(" | ").Append(Cell(pointTitle)).Append(" | ").Append(Cell(reason)).Append(" |\n");
                }
            }

            if (response.Comment is not null)
            {
                md.Append('\n').Append(Block(response.Comment)).Append('\n');
            }
        }

        if (assessment.ServiceDescription is not null)
        {
            md.Append("\n## Service description\n\n").Append(Block(assessment.ServiceDescription)).Append('\n');
        }

        if (assessment.Panel.Count > 0)
        {
            md.Append("\n## Panel\n\n| Name | Role |\n| --- | --- |\n");
            foreach (var person in assessment.Panel)
            {
                md.Append("| ").Append(Cell(person.Name)).Append(" | ").Append(Cell(ReportModel.RoleLabel(person))).Append(" |\n");
            }
        }

        if (assessment.ServiceTeam.Count > 0)
        {
            md.Append("\n## Service team\n\n| Name | Role |\n| --- | --- |\n");
            foreach (var person in assessment.ServiceTeam)
            {
                md.Append("| ").Append(Cell(person.Name)).Append(" | ").Append(Cell(ReportModel.RoleLabel(person))).Append(" |\n");
            }
        }

        md.Append("\n## Outcome for each point\n\n| Point | Title | Outcome |\n| --- | --- | --- |\n");
        foreach (var point in model.Points)
        {
            md.Append("| ").Append(point.Number).Append(" | ").Append(Cell(point.Title)).Append(" | ").Append(Cell(point.OutcomeLabel)).Append(" |\n");
        }

        foreach (var point in model.Points.Where(p => p.Finding is not null))
        {
            var finding = point.Finding!;
            md.Append("\n## ").Append(point.Number).Append(". ").Append(Inline(point.Title)).Append("\n\n");
            md.Append("### Decision\n\n").Append(Md(point.DecisionText)).Append('\n');
            AppendList(md, "What the team has done well", finding.DoneWell);
            AppendList(md, "What the team needs to explore", finding.ToExplore);
            if (finding.Notes is not null)
            {
                md.Append("\n### Notes\n\n").Append(Block(finding.Notes)).Append('\n');
            }

            AppendEvidence(md, finding.Evidence);
        }

        if (assessment.DoneWell.Count > 0 || assessment.ToExplore.Count > 0)
        {
            md.Append("\n## Overall findings\n");
            AppendList(md, "What the team has done well", assessment.DoneWell);
            AppendList(md, "What the team needs to explore", assessment.ToExplore);
        }

        AppendEvidence(md, assessment.Evidence);
        md.Append("\n## Next steps\n\n");
        foreach (var step in model.NextSteps)
        {
            md.Append("- ").Append(Inline(step)).Append('\n');
        }

        if (model.Attribution is not null)
        {
            md.Append("\n---\n\n").Append(Block(model.Attribution)).Append('\n');
        }

        return md.ToString();
    }

    /// <summary>Renders the report as a complete, accessible HTML document.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="scheme">Its outcome scheme.</param>
    /// <param name="standard">The assessed standard version, for point titles and attribution; null to render numbers only.</param>
    /// <returns>The HTML.</returns>
    public static string RenderHtml(Assessment assessment, IOutcomeScheme scheme, StandardVersion? standard = null)
    {
        var model = ReportModel.Create(assessment, scheme, standard);
        var html = new StringBuilder();
        var title = E(assessment.ServiceName) + " service assessment";
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>")
            .Append(title).Append("</title>\n</head>\n<body>\n<main>\n<h1>").Append(title).Append("</h1>\n<dl>\n");
        foreach (var (label, value) in model.Metadata)
        {
            html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
        }

        html.Append("</dl>\n<h2>Decision</h2>\n<p><strong class=\"govuk-tag ").Append(TagClass(model.ResultOutcome)).Append("\">").Append(E(model.ResultLabel)).Append("</strong></p>\n<p>")
            .Append(E(model.ResultExplanation)).Append("</p>\n");
        AppendParagraphs(html, assessment.Summary);
        if (model.Response is { } response)
        {
            // The tag's words say accepted, challenged or not yet; its colour only decorates.
            html.Append("<h2>Service team response</h2>\n<p><strong class=\"govuk-tag ").Append(response.Outcome switch
            {
                "accepted" => "govuk-tag--green",
                "challenged" => "govuk-tag--orange",
                _ => "govuk-tag--grey",
            }).Append("\">").Append(E(response.Label)).Append("</strong></p>\n<p>").Append(E(response.Sentence)).Append("</p>\n");
            if (response.Challenges.Count > 0)
            {
                html.Append("<table>\n<caption>Points the service team challenged</caption>\n<thead><tr><th scope=\"col\">Point</th><th scope=\"col\">Title</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
                foreach (var (number, pointTitle, reason) in response.Challenges)
                {
                    html.Append("<tr><th scope=\"row\">").Append(number.ToString(CultureInfo.InvariantCulture)).Append("</th><td>").Append(E(pointTitle)).Append("</td><td>").Append(E(reason)).Append("</td></tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
            }

            AppendParagraphs(html, response.Comment);
        }

        if (assessment.ServiceDescription is not null)
        {
            html.Append("<h2>Service description</h2>\n");
            AppendParagraphs(html, assessment.ServiceDescription);
        }

        if (assessment.Panel.Count > 0)
        {
            html.Append("<h2>Panel</h2>\n<table>\n<caption>Assessment panel</caption>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Role</th></tr></thead>\n<tbody>\n");
            foreach (var person in assessment.Panel)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(person.Name)).Append("</th><td>").Append(E(ReportModel.RoleLabel(person))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (assessment.ServiceTeam.Count > 0)
        {
            html.Append("<h2>Service team</h2>\n<table>\n<caption>Service team members named in the report</caption>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Role</th></tr></thead>\n<tbody>\n");
            foreach (var person in assessment.ServiceTeam)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(person.Name)).Append("</th><td>").Append(E(ReportModel.RoleLabel(person))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>Outcome for each point</h2>\n<table>\n<caption>Outcome for each point of ").Append(E(model.StandardName)).Append("</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Point</th><th scope=\"col\">Title</th><th scope=\"col\">Outcome</th></tr></thead>\n<tbody>\n");
        foreach (var point in model.Points)
        {
            html.Append("<tr><th scope=\"row\">").Append(point.Number.ToString(CultureInfo.InvariantCulture)).Append("</th><td>").Append(E(point.Title)).Append("</td><td><strong class=\"govuk-tag ")
                .Append(TagClass(point.Outcome)).Append("\">").Append(E(point.OutcomeLabel)).Append("</strong></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        foreach (var point in model.Points.Where(p => p.Finding is not null))
        {
            var finding = point.Finding!;
            html.Append("<section>\n<h2>").Append(point.Number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(E(point.Title)).Append("</h2>\n<h3>Decision</h3>\n<p>")
                .Append(E(point.DecisionText)).Append("</p>\n");
            HtmlList(html, "What the team has done well", finding.DoneWell);
            HtmlList(html, "What the team needs to explore", finding.ToExplore);
            if (finding.Notes is not null)
            {
                html.Append("<h3>Notes</h3>\n");
                AppendParagraphs(html, finding.Notes);
            }

            HtmlEvidence(html, finding.Evidence);
            html.Append("</section>\n");
        }

        if (assessment.DoneWell.Count > 0 || assessment.ToExplore.Count > 0)
        {
            html.Append("<h2>Overall findings</h2>\n");
            HtmlList(html, "What the team has done well", assessment.DoneWell);
            HtmlList(html, "What the team needs to explore", assessment.ToExplore);
        }

        HtmlEvidence(html, assessment.Evidence);
        html.Append("<h2>Next steps</h2>\n<ul>\n");
        foreach (var step in model.NextSteps)
        {
            html.Append("<li>").Append(E(step)).Append("</li>\n");
        }

        html.Append("</ul>\n</main>\n");
        if (model.Attribution is not null)
        {
            html.Append("<footer>\n<p>").Append(E(model.Attribution)).Append("</p>\n</footer>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Inline(string? text) => Md((text ?? string.Empty).ReplaceLineEndings(" ").Trim());

    /// <summary>
    /// User text made inert in Markdown: no raw HTML (angle brackets and ampersands become entities) and no links or
    /// images of its own (square brackets and backslashes are escaped), as the HTML report encodes everything.
    /// </summary>
    private static string Md(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var md = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => md.Append("&amp;"),
                '<' => md.Append("&lt;"),
                '>' => md.Append("&gt;"),
                '\\' or '[' or ']' or '`' => md.Append('\\').Append(c),
                _ when char.IsControl(c) && c is not ('\n' or '\t') => md,
                _ => md.Append(c),
            };
        }

        return md.ToString();
    }

    /// <summary>A multi-line block of user text, its paragraphs kept, made inert as <see cref="Md"/> does.</summary>
    private static string Block(string? text) => Md((text ?? string.Empty).Trim().ReplaceLineEndings("\n"));

    /// <summary>Only absolute http, https and mailto links are written as links; anything else (javascript:, data:, relative) is not.</summary>
    private static bool IsSafeLink(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeMailto);

    private static string Cell(string? text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string TagClass(string? outcome) => outcome switch
    {
        "pass" or "met" or "green" => "govuk-tag--green",
        "amber" => "govuk-tag--yellow",
        "not-pass" or "not-met" or "red" => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    private static void AppendList(StringBuilder md, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.Append("\n### ").Append(heading).Append("\n\n");
        foreach (var item in items)
        {
            md.Append("- ").Append(Inline(item)).Append('\n');
        }
    }

    private static void AppendEvidence(StringBuilder md, IReadOnlyList<EvidenceItem> evidence)
    {
        if (evidence.Count == 0)
        {
            return;
        }

        md.Append("\n### Evidence\n\n");
        foreach (var item in evidence)
        {
            md.Append("- ").Append(IsSafeLink(item.Url) ? $"[{Inline(item.Title)}](<{item.Url!.AbsoluteUri}>)" : Inline(item.Title));
            if (item.DocumentReference is not null)
            {
                md.Append(" (").Append(Inline(item.DocumentReference)).Append(')');
            }

            if (item.Date is { } date)
            {
                md.Append(", ").Append(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
            }

            if (item.Text is not null)
            {
                md.Append(": ").Append(Inline(item.Text));
            }

            md.Append('\n');
        }
    }

    private static void AppendParagraphs(StringBuilder html, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        foreach (var paragraph in text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }
    }

    private static void HtmlList(StringBuilder html, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<h3>").Append(E(heading)).Append("</h3>\n<ul>\n");
        foreach (var item in items)
        {
            html.Append("<li>").Append(E(item)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void HtmlEvidence(StringBuilder html, IReadOnlyList<EvidenceItem> evidence)
    {
        if (evidence.Count == 0)
        {
            return;
        }

        html.Append("<h3>Evidence</h3>\n<ul>\n");
        foreach (var item in evidence)
        {
            html.Append("<li>");
            if (IsSafeLink(item.Url))
            {
                html.Append("<a href=\"").Append(E(item.Url!.AbsoluteUri)).Append("\">").Append(E(item.Title)).Append("</a>");
            }
            else
            {
                html.Append(E(item.Title));
            }

            if (item.DocumentReference is not null)
            {
                html.Append(" (").Append(E(item.DocumentReference)).Append(')');
            }

            if (item.Date is { } date)
            {
                html.Append(", <time datetime=\"").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
                    .Append(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time>");
            }

            if (item.Text is not null)
            {
                html.Append(": ").Append(E(item.Text));
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n");
    }
}
