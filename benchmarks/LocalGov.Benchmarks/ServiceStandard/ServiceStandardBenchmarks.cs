using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Import;
using LocalGov.ServiceStandard.Reports;

namespace LocalGov.Benchmarks.ServiceStandard;

/// <summary>
/// The GDS report import on the 150 real reports, against the floor of merely parsing the same JSON; plus loading
/// the built-in catalogue and rendering one report.
/// </summary>
public class ServiceStandardBenchmarks
{
    private string _json = string.Empty;
    private Assessment _assessment = null!;
    private StandardVersion _standard = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = File.ReadAllText(SharedDataLocator.Combine("data/standards/upstream/alphagov+service-standard-reports-json/service-standard-reports.json"));
        _assessment = GdsReportImporter.Import(_json).Reports[0].Assessment;
        _standard = StandardCatalog.LoadBuiltIn().Get(_assessment.Standard);
    }

    [Benchmark(Baseline = true)]
    public int ParseJsonOnly()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetArrayLength();
    }

    [Benchmark]
    public int ImportAllReports() => GdsReportImporter.Import(_json).Reports.Count;

    [Benchmark]
    public int LoadBuiltInCatalogue() => StandardCatalog.LoadBuiltIn().Versions.Count;

    [Benchmark]
    public int RenderOneHtmlReport() => AssessmentReportRenderer.RenderHtml(_assessment, OutcomeSchemes.PassNotPass, _standard).Length;
}
