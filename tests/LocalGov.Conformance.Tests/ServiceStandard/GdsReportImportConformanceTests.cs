using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Import;
using System.Text.Json;
using System.Text.RegularExpressions;
using LocalGov.Testing;

namespace LocalGov.Conformance.Tests.ServiceStandard;

/// <summary>The GDS 2014-16 assessment reports, through the real importer.</summary>
public sealed class GdsReportImportConformanceTests
{
    private const string ReportsPath = "data/standards/upstream/alphagov+service-standard-reports-json/service-standard-reports.json";

    private static async Task<GdsImportResult> ImportRealReportsAsync() =>
        await GdsReportImporter.ImportFileAsync(SharedData.Require(ReportsPath), TestContext.Current.CancellationToken);

    [Fact]
    public async Task At_least_95_percent_of_reports_have_stage_result_and_date()
    {
        var result = await ImportRealReportsAsync();
        var stats = result.Statistics;
        var missing = result.Reports.Where(r => r.Stage is null || r.Result is null || r.Date is null)
            .Select(r => $"{r.Index} {r.Title}: {string.Join("; ", r.Warnings)}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"total {stats.Total}, imported {stats.Imported}, stage {stats.WithStage}, result {stats.WithResult} (stated {stats.WithStatedResult}), date {stats.WithDate}, all three {stats.WithStageResultAndDate}, with point outcomes {stats.WithPointOutcomes} ({stats.PointOutcomes} outcomes)");

        Assert.True(stats.StageResultAndDateRate >= 0.95, $"only {stats.WithStageResultAndDate} of {stats.Total} complete:\n{string.Join('\n', missing)}");
        Assert.True(stats.WithStage >= 0.95 * stats.Total);
        Assert.True(stats.WithResult >= 0.95 * stats.Total);
        Assert.True(stats.WithDate >= 0.95 * stats.Total);
    }

    [Fact]
    public async Task Every_report_is_imported_or_reported_and_nothing_is_lost()
    {
        var result = await ImportRealReportsAsync();

        Assert.Equal(150, result.Reports.Count + result.Errors.Count);
        Assert.Equal(result.Reports.Count, result.Reports.Select(r => r.Assessment.Id).Distinct().Count());
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.True(result.Reports.Count >= 145, string.Join('\n', result.Errors));
    }

    [Fact]
    public async Task Reports_with_a_criteria_table_give_an_outcome_for_every_point_of_their_standard()
    {
        var result = await ImportRealReportsAsync();
        var catalog = StandardCatalog.LoadBuiltIn();

        var withTables = result.Reports.Where(r => r.Assessment.Points.Any(p => p.Outcome is not null)).ToList();

        Assert.True(withTables.Count >= 125, $"{withTables.Count} reports with per-point outcomes");
        foreach (var r in withTables)
        {
            var standard = catalog.Get(r.Assessment.Standard);
            Assert.True(standard.Points.Count == r.Assessment.Points.Count(p => p.Outcome is not null), $"report {r.Index} {r.Title}");
            Assert.True(AssessmentEvaluator.Evaluate(r.Assessment, standard, OutcomeSchemes.PassNotPass).IsComplete, $"report {r.Index}");
        }
    }

    [Fact]
    public async Task Known_reports_are_read_as_published()
    {
        var result = await ImportRealReportsAsync();

        var eClaims = Assert.Single(result.Reports, r => r.Title.StartsWith("E-Claims", StringComparison.Ordinal));
        Assert.Equal(("DCLG", ServicePhase.Alpha, "pass", new DateOnly(2015, 12, 11)), (eClaims.Department, eClaims.Stage, eClaims.Result, eClaims.Date));
        Assert.True(eClaims.IsReassessment);
        Assert.Equal(new DateOnly(2015, 6, 8), eClaims.Original!.Date);
        Assert.Equal("not-pass", eClaims.Original.StatedResult);
        Assert.Equal("govuk-digital-service-standard@2015-06", eClaims.Assessment.Standard.ToString());

        var learning = Assert.Single(result.Reports, r => r.Title.StartsWith("Civil Service Learning", StringComparison.Ordinal));
        Assert.Equal("not-pass", learning.Result);
        Assert.Equal([1, 2, 4, 6, 8, 12], AssessmentEvaluator.FailedPoints(learning.Assessment, OutcomeSchemes.PassNotPass));
        Assert.Equal("not-pass", AssessmentEvaluator.Evaluate(learning.Assessment, 18, OutcomeSchemes.PassNotPass).Outcome);

        var registered = Assert.Single(result.Reports, r => r.Index == 149);
        Assert.Equal((ServicePhase.Alpha, "met", new DateOnly(2013, 12, 13)), (registered.Stage, registered.Result, registered.Date));
    }

    [Fact]
    public async Task With_result_fields_removed_the_verdict_is_still_recovered_and_agrees()
    {
        var (stated, recovered) = await StripAndReimportAsync("result", r => r.Result);
        var positive = new HashSet<string> { "pass", "met", "pass-with-conditions", "may-proceed" };

        var agreeing = recovered.Count(p => stated.TryGetValue(p.Key, out var s) && s is not null && p.Value is not null && positive.Contains(s) == positive.Contains(p.Value));

        TestContext.Current.TestOutputHelper?.WriteLine($"results recovered without result fields: {recovered.Count(p => p.Value is not null)}, agreeing {agreeing} of {stated.Count}");
        Assert.True(agreeing >= 0.9 * stated.Count, $"{agreeing} of {stated.Count}");
    }

    [Fact]
    public async Task With_stage_fields_removed_the_stage_is_mostly_recovered_from_the_opening()
    {
        var (stated, recovered) = await StripAndReimportAsync("stage|moving to", r => r.Stage?.ToString());

        var agreeing = recovered.Count(p => p.Value is not null && stated[p.Key] == p.Value);

        TestContext.Current.TestOutputHelper?.WriteLine($"stages recovered without stage fields: {recovered.Count(p => p.Value is not null)}, agreeing {agreeing} of {stated.Count}");
        Assert.True(agreeing >= 0.75 * stated.Count, $"{agreeing} of {stated.Count}");
    }

    private static async Task<(Dictionary<int, string?> Stated, Dictionary<int, string?> Recovered)> StripAndReimportAsync(string labelPattern, Func<GdsImportedReport, string?> select)
    {
        var path = SharedData.Require(ReportsPath);
        var original = await GdsReportImporter.ImportFileAsync(path, TestContext.Current.CancellationToken);
        var label = new Regex(@"\*\*[^*\n]*(?:" + labelPattern + @")[^*\n]*\*\*[ \t]*\n?[^\n]*\n", RegexOptions.IgnoreCase);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var stripped = document.RootElement.EnumerateArray().Select((e, i) => GdsReportImporter.ParseReport(
            i,
            e.GetProperty("title").GetString()!,
            label.Replace(e.GetProperty("body").GetString()!, string.Empty))).ToList();
        return (original.Reports.ToDictionary(r => r.Index, select), stripped.ToDictionary(r => r.Index, select));
    }
}
