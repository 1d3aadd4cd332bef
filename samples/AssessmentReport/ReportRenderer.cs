using LocalGov.ServiceStandard;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Reports;
using LocalGov.ServiceStandard.Serialization;

namespace AssessmentReport;

/// <summary>Renders an assessment (JSON) to a GOV.UK-style HTML report, with the standard's point titles from the built-in catalogue.</summary>
public static class ReportRenderer
{
    private const string Usage = """
        Usage: AssessmentReport <assessment.json> [<report.html>]

          <assessment.json>  An assessment in LocalGov.ServiceStandard's JSON (see example-assessment.json and
                             src/LocalGov.ServiceStandard/Schemas/assessment.schema.json).
          <report.html>      Where to write the report (default: stdout).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["-h" or "--help"])
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        if (args.Length is < 1 or > 2)
        {
            await error.WriteLineAsync($"error: give an assessment file, and optionally the report file.\n\n{Usage}");
            return 1;
        }

        try
        {
            var assessment = ServiceStandardJson.DeserializeAssessment(await File.ReadAllTextAsync(args[0]), args[0]);
            var scheme = OutcomeSchemeRegistry.CreateDefault().Get(assessment.Scheme);
            var standard = StandardCatalog.LoadBuiltIn().Find(assessment.Standard);
            if (standard is null)
            {
                await error.WriteLineAsync($"note: {assessment.Standard} is not in the built-in catalogue; the report shows point numbers without titles.");
            }

            var html = AssessmentReportRenderer.RenderHtml(assessment, scheme, standard);
            if (args.Length == 2)
            {
                await File.WriteAllTextAsync(args[1], html);
                await error.WriteLineAsync($"wrote {args[1]} ({assessment.ServiceName}, {assessment.Points.Count} points, {scheme.Name})");
            }
            else
            {
                await output.WriteAsync(html);
            }

            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is ServiceStandardException or KeyNotFoundException or ArgumentException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 4;
        }
    }
}
