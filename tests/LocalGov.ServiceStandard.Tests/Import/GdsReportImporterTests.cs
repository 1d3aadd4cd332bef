using System.Text.Json;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Import;

namespace LocalGov.ServiceStandard.Tests.Import;

public sealed class GdsReportImporterTests
{
    private const string ReassessedBody = """
        A short description of the service.

        **Department / Agency:**  
        DCLG

        **Date of Original Assessment:**  
        8/06/2015

        **Date of Reassessment:**  
        11th December 2015

        **Assessment Stage:**  
        alpha

        **Result of Original Assessment:**  
        Not Pass

        **Result of Reassessment:**  
        Pass

        **Lead Assessor:**  
        A. Person

        **Service Manager:**  
        B. Person

        **Digital Leader:**  
        C. Person

        * * *

        ## Reassessment Report

        **Outcome of service assessment**

        After consideration, the panel have concluded that the service is on track to meet the Digital Service Standard.

        **Recommendations**

        - Keep doing user research.
        - Publish the code.

        _Point 2 - Put a plan in place for ongoing user research._

        The team has a research plan.

        **Details of criteria that are not applicable to this service**

        17 - no performance platform yet.

        * * *

        ## Digital Service Standard criteria

        | **Criteria** | **Passed** | **Criteria** | **Passed** |
        | 1 | Yes | 2 | Yes |
        | 3 | No | 4 | Yes |
        | 5 | Yes | 6 | Yes |
        | 7 | Yes | 8 | Yes |
        | 9 | Yes | 10 | Yes |
        | 11 | Yes | 12 | Yes |
        | 13 | Yes | 14 | Yes |
        | 15 | Yes | 16 | Yes |
        | 17 | N/A\* | 18 | Yes |
        """;

    [Fact]
    public void A_reassessed_report_yields_the_final_and_the_original_assessment()
    {
        var report = GdsReportImporter.ParseReport(0, "Thing - Service Assessment", ReassessedBody, new Uri("https://gdsdata.blog.gov.uk/thing-service-assessment/"));

        Assert.Equal(("DCLG", ServicePhase.Alpha, "pass", GdsResultSource.Stated), (report.Department, report.Stage, report.Result, report.ResultSource));
        Assert.Equal(new DateOnly(2015, 12, 11), report.Date);
        Assert.True(report.IsReassessment);
        Assert.Equal("thing-service-assessment", report.Assessment.Id);
        Assert.Equal("Thing", report.Assessment.ServiceName);
        Assert.Equal("thing-service-assessment-original", report.Assessment.ReassessmentOf);
        Assert.Equal((new DateOnly(2015, 6, 8), "not-pass"), (report.Original!.Date, report.Original.StatedResult));
        Assert.Equal("govuk-digital-service-standard@2015-06", report.Assessment.Standard.ToString());
        Assert.Equal(18, report.Assessment.Points.Count);
        Assert.Equal("not-pass", report.Assessment.FindPoint(3)!.Outcome);
        Assert.Equal("not-applicable", report.Assessment.FindPoint(17)!.Outcome);
        Assert.Contains("no performance platform", report.Assessment.FindPoint(17)!.Notes, StringComparison.Ordinal);
        Assert.Contains("research plan", report.Assessment.FindPoint(2)!.Notes, StringComparison.Ordinal);
        Assert.Equal(["Keep doing user research.", "Publish the code."], report.Assessment.ToExplore);
        Assert.StartsWith("After consideration", report.Assessment.Summary, StringComparison.Ordinal);
        Assert.Equal(AssessmentRole.LeadAssessor, Assert.Single(report.Assessment.Panel).Role);
        Assert.Equal("A short description of the service.", report.Assessment.ServiceDescription);
    }

    [Fact]
    public void A_report_without_a_result_field_takes_the_panels_verdict_sentence()
    {
        const string body = """
            **Department / Agency:**  
            HMRC

            **Date of Assessment:**  
            8/1/2015

            **Assessment stage:**  
            Beta

            * * *

            ## Assessors Summary

            The HMRC Assessment Panel can confirm that the service has shown clear evidence of meeting the Digital by Default Service Standards at beta.
            """;

        var report = GdsReportImporter.ParseReport(3, "Charities - Self Certification", body);

        Assert.Equal(("pass", GdsResultSource.OutcomeText), (report.Result, report.ResultSource));
        Assert.Equal("govuk-digital-by-default-service-standard@2014-04", report.Assessment.Standard.ToString());
    }

    [Fact]
    public void A_negative_verdict_sentence_is_not_read_as_a_pass()
    {
        const string body = """
            **Department / Agency:**  
            CO

            **Date of Assessment:**  
            11 November 2015

            **Assessment Stage:**  
            Alpha

            After consideration the assessment panel has concluded the service is not yet on track to meet the Digital Service Standard at this early stage of development.
            """;

        Assert.Equal("not-pass", GdsReportImporter.ParseReport(0, "X - Service Assessment", body).Result);
    }

    [Fact]
    public void Without_result_fields_the_reassessment_verdict_beats_the_quoted_original_one()
    {
        const string body = """
            **Department / Agency:**  
            HO

            **Date of Reassessment:**  
            20/06/2014

            * * *

            ## Summary of Original Report

            **Outcome of service assessment**

            After consideration the assessment panel have concluded that the service should not launch as a Beta service.

            ## Reassessment Report

            **Outcome of service reassessment**

            We have concluded that the service has shown sufficient progress and additional evidence to launch as a Beta on the service.gov.uk domain.
            """;

        var report = GdsReportImporter.ParseReport(0, "Visas - Service Assessment", body);

        Assert.Equal(("pass", GdsResultSource.OutcomeText), (report.Result, report.ResultSource));
        Assert.Equal(ServicePhase.Beta, report.Stage);
    }

    [Fact]
    public void A_verdict_only_about_the_original_assessment_gives_no_result()
    {
        const string body = """
            **Department / Agency:**  
            DWP

            **Date of Reassessment:**  
            16/09/2015

            ## Summary of Original Report

            After consideration the assessment panel has concluded that the service is not yet on track to meet the Digital Service Standard at this early stage of development.
            """;

        var report = GdsReportImporter.ParseReport(0, "Access - Service Assessment", body);

        Assert.Null(report.Result);
        Assert.Contains("no result found", report.Warnings);
        Assert.Equal(ServicePhase.Alpha, report.Stage);
    }

    [Theory]
    [InlineData("The service has been reviewed against the 26 points of the Service Standard at the end of the Alpha development.", ServicePhase.Alpha)]
    [InlineData("The service is seeking permission to be branded a Live Digital by Default service.", ServicePhase.Live)]
    [InlineData("The service is seeking permission to continue development as it moves from Alpha to Private Beta.", ServicePhase.Alpha)]
    [InlineData("The service is seeking permission to launch on the service.gov.uk domain as a public beta.", ServicePhase.Beta)]
    public void Without_a_stage_field_the_opening_of_the_report_gives_the_stage(string opening, ServicePhase expected)
    {
        var body = "**Department / Agency:**  \nHMRC\n\n**Date of Assessment:**  \n1/2/2015\n\n## Assessment Report\n\n" + opening + "\n\n**Recommendations**\n\n- Go live soon and move to live.\n";

        Assert.Equal(expected, GdsReportImporter.ParseReport(0, "Thing - Service Assessment", body).Stage);
    }

    [Fact]
    public void A_report_with_only_a_criteria_table_derives_pass_when_nothing_failed()
    {
        const string body = """
            **Department / Agency:**  
            DH

            **Date of Submission:**  
            13/10/14

            **Moving to:**  
            Private Beta

            | Criteria | Passed |
            | 1 | Yes |
            | 2 | N/A |
            """;

        var report = GdsReportImporter.ParseReport(0, "Intranet - Self Certification", body);

        Assert.Equal(("pass", GdsResultSource.CriteriaTable), (report.Result, report.ResultSource));
        Assert.Equal(ServicePhase.Alpha, report.Stage);
        Assert.Equal("Moving to: Private Beta", report.StageText);
        Assert.Equal(new DateOnly(2014, 10, 13), report.Date);
    }

    [Fact]
    public void Labels_written_inline_or_plain_are_read_too()
    {
        const string body = """
            **Department / Agency: HMRC**

            **Date of Assessment:** 3 March 2015

            Assessment stage: Beta

            **Result: Not passed**
            """;

        var report = GdsReportImporter.ParseReport(0, "Inline - Service Assessment", body);

        Assert.Equal(("HMRC", ServicePhase.Beta, "not-pass", new DateOnly(2015, 3, 3)), (report.Department, report.Stage, report.Result, report.Date));
    }

    [Fact]
    public void Page_furniture_after_the_report_and_stray_html_are_dropped()
    {
        const string body = """
            **Department / Agency:**  
            <strong>DVLA</strong>

            **Date of Assessment:**  
            4/11/2015

            **Next steps**

            Come back for beta.<br>Book early.

            <aside class="sidebar"><h3>About the data blog</h3><p>A blog about data.</p></aside>
            <script>var x = 1;</script>
            """;

        var report = GdsReportImporter.ParseReport(0, "Chrome - Service Assessment", body);

        Assert.Equal("DVLA", report.Department);
        Assert.DoesNotContain(report.Assessment.NextSteps, s => s.Contains("data blog", StringComparison.Ordinal) || s.Contains('<', StringComparison.Ordinal));
        Assert.Equal(["Come back for beta. Book early."], report.Assessment.NextSteps);
    }

    [Fact]
    public void Metadata_laid_out_as_a_table_is_read()
    {
        const string body = """
            | **Department / Agency:** | DWP |
            | **Date of Assessment:** | 12/3/2015 |
            | **Assessment Stage:** | Live |
            | **Result of Assessment:** | Pass |

            | Criteria | Passed | Criteria | Passed |
            | 1 | Yes | 2 | Yes |
            """;

        var report = GdsReportImporter.ParseReport(0, "Table - Service Assessment", body);

        Assert.Equal(("DWP", ServicePhase.Live, "pass", new DateOnly(2015, 3, 12)), (report.Department, report.Stage, report.Result, report.Date));
        Assert.Equal(2, report.Assessment.Points.Count);
    }

    [Fact]
    public void A_result_column_header_in_a_criteria_table_is_not_read_as_the_result()
    {
        const string body = """
            **Department / Agency:**  
            HMRC

            | **Criteria** | **Result** | **Criteria** | **Result** |
            | 1 | Pass | 2 | Fail |
            """;

        var report = GdsReportImporter.ParseReport(0, "Columns - Alpha Assessment", body);

        Assert.Null(report.Result);
        Assert.DoesNotContain(report.Warnings, w => w.Contains("Criteria", StringComparison.Ordinal));
        Assert.Equal("not-pass", report.Assessment.FindPoint(2)!.Outcome);
    }

    [Theory]
    [InlineData("4/11/2015", 2015, 11, 4)]
    [InlineData("29/04/15", 2015, 4, 29)]
    [InlineData("27 October 2015", 2015, 10, 27)]
    [InlineData("25th November 2014", 2014, 11, 25)]
    [InlineData("Sept 3, 2014", 2014, 9, 3)]
    [InlineData("2016-02-01", 2016, 2, 1)]
    public void Dates_are_read_day_first_in_every_written_form(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), GdsReportImporter.ParseDate(text));

    [Theory]
    [InlineData("31/02/2015")]
    [InlineData("soon")]
    [InlineData("")]
    public void Impossible_or_missing_dates_are_null(string text) => Assert.Null(GdsReportImporter.ParseDate(text));

    [Theory]
    [InlineData("Pass", "pass")]
    [InlineData("Not Passed", "not-pass")]
    [InlineData("Pass with conditions", "pass-with-conditions")]
    [InlineData("Met", "met")]
    [InlineData("Not met", "not-met")]
    [InlineData("May proceed (see below)", "may-proceed")]
    [InlineData("Deferred", null)]
    public void Results_are_normalised(string text, string? expected) => Assert.Equal(expected, GdsReportImporter.NormaliseResult(text));

    [Theory]
    [InlineData("Alpha Review", false, ServicePhase.Alpha)]
    [InlineData("Beta - Voluntary", false, ServicePhase.Beta)]
    [InlineData("Live assessment", false, ServicePhase.Live)]
    [InlineData("Public Beta", true, ServicePhase.Beta)]
    [InlineData("Private Beta", true, ServicePhase.Alpha)]
    [InlineData("Live", true, ServicePhase.Live)]
    public void Stages_are_normalised(string text, bool movingTo, ServicePhase expected) =>
        Assert.Equal(expected, GdsReportImporter.NormaliseStage(text, movingTo));

    [Theory]
    [InlineData("Yes", "pass")]
    [InlineData("Passed*", "pass")]
    [InlineData("Yes (see below)", "pass")]
    [InlineData("No", "not-pass")]
    [InlineData("Not passed", "not-pass")]
    [InlineData("N/A\\*", "not-applicable")]
    [InlineData("Not applicable", "not-applicable")]
    [InlineData("Nothing", null)]
    [InlineData("Yesterday", null)]
    public void Criteria_cells_are_read_in_their_written_forms(string cell, string? expected) =>
        Assert.Equal(expected, GdsReportImporter.CellOutcome(cell));

    [Theory]
    [InlineData("7", 7)]
    [InlineData("**7**", 7)]
    [InlineData("Criterion 7", 7)]
    [InlineData("Point 12.", 12)]
    [InlineData("Criteria", null)]
    public void Criteria_numbers_are_read_in_their_written_forms(string cell, int? expected) =>
        Assert.Equal(expected, GdsReportImporter.CellNumber(cell));

    [Fact]
    public void Unreadable_reports_become_per_report_errors_and_the_rest_still_import()
    {
        var json = JsonSerializer.Serialize(new object[]
        {
            new { original_url = "https://example.org/a/", title = "Good - Service Assessment", summary = "s", body = ReassessedBody },
            new { original_url = "https://example.org/b/", title = "No body" },
            new { original_url = "https://example.org/c/", title = "Prose only", body = "Just some words about a service, with no report structure at all." },
            "not an object",
            new { body = ReassessedBody },
        });

        var result = GdsReportImporter.Import(json);

        Assert.Single(result.Reports);
        Assert.Equal([1, 2, 3, 4], result.Errors.Select(e => e.Index));
        Assert.Contains("no body", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("no GDS report metadata", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://example.org/c/"), result.Errors[1].Url);
        Assert.Contains("no title", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Equal(5, result.Statistics.Total);
        Assert.Equal(1, result.Statistics.WithStageResultAndDate);
    }

    [Fact]
    public void Repeated_reports_get_unique_ids()
    {
        var report = new { original_url = "https://example.org/thing/", title = "Thing - Service Assessment", body = ReassessedBody };

        var result = GdsReportImporter.Import(JsonSerializer.Serialize(new[] { report, report }));

        Assert.Equal(["thing", "thing-2"], result.Reports.Select(r => r.Assessment.Id));
        Assert.Equal("thing-2-original", result.Reports[1].Assessment.ReassessmentOf);
        Assert.Equal("thing-2-original", result.Reports[1].Original!.Id);
    }

    [Theory]
    [InlineData("{\"title\": \"x\"}", "$")]
    [InlineData("[{\"title\": ", "line 1")]
    public void A_file_that_is_not_a_json_array_is_a_typed_error(string json, string location)
    {
        var error = Assert.Throws<InvalidDocumentException>(() => GdsReportImporter.Import(json, "reports.json"));

        Assert.Equal("reports.json", error.Source);
        Assert.Equal(location, error.Location);
    }
}
