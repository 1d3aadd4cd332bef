using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LocalGov.ServiceStandard.Assessments;

namespace LocalGov.ServiceStandard.Import;

/// <summary>
/// Imports the GDS service assessment reports of 2014-16 (the <c>service-standard-reports.json</c> corpus: an array of
/// <c>{original_url, title, summary, body}</c> with Markdown bodies). Each report becomes an <see cref="Assessment"/>
/// against the Digital by Default (26) or Digital Service Standard (18) in the pass/not pass scheme; a report that
/// cannot be read becomes a <see cref="GdsReportError"/> and the rest are still imported.
/// </summary>
/// <remarks>
/// The parser reads the structure the reports share rather than fixed strings: bold metadata labels (department,
/// dates of original assessment, reassessment or submission, stage or "moving to", results), Markdown criteria tables
/// of number/outcome pairs, headings that name points, and the panel's verdict sentence when no result is stated.
/// </remarks>
public static partial class GdsReportImporter
{
    /// <summary>Imports every report in <paramref name="json"/>.</summary>
    /// <param name="json">The file's text: a JSON array of report objects.</param>
    /// <param name="source">A name for the file in error messages.</param>
    /// <returns>The imported reports and the per-report errors.</returns>
    /// <exception cref="InvalidDocumentException">The text is not JSON, or not an array.</exception>
    public static GdsImportResult Import(string json, string source = "reports")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDocumentException(source, ex.LineNumber is { } line ? $"line {line + 1}" : null, "not valid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDocumentException(source, "$", $"expected a JSON array of reports, found {document.RootElement.ValueKind}");
            }

            var reports = new List<GdsImportedReport>();
            var errors = new List<GdsReportError>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var outcome = ReadElement(index, element);
                if (outcome.Report is not null)
                {
                    reports.Add(WithUniqueId(outcome.Report, ids));
                }
                else
                {
                    errors.Add(outcome.Error!);
                }

                index++;
            }

            return new GdsImportResult { Reports = reports, Errors = errors };
        }
    }

    /// <summary>Reads a report file and imports every report in it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The imported reports and the per-report errors.</returns>
    /// <exception cref="InvalidDocumentException">The file is not a JSON array.</exception>
    public static async Task<GdsImportResult> ImportFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Import(text, Path.GetFileName(path));
    }

    /// <summary>Parses one report.</summary>
    /// <param name="index">Its position in the file, for messages.</param>
    /// <param name="title">The report's title (e.g. "E-Claims - Service Assessment").</param>
    /// <param name="body">The Markdown body.</param>
    /// <param name="url">The original address, if known.</param>
    /// <param name="summary">The service summary, if known.</param>
    /// <returns>The imported report.</returns>
    /// <exception cref="InvalidDocumentException">The body is not a GDS assessment report.</exception>
    public static GdsImportedReport ParseReport(int index, string title, string body, Uri? url = null, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        return new ReportParser(index, title, body, url, summary).Parse();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "One unreadable report must become a per-report error, never end the import.")]
    private static (GdsImportedReport? Report, GdsReportError? Error) ReadElement(int index, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, new GdsReportError { Index = index, Message = $"expected a report object, found {element.ValueKind}" });
        }

        var title = Text(element, "title");
        var urlText = Text(element, "original_url") ?? Text(element, "url");
        var url = Uri.TryCreate(urlText, UriKind.Absolute, out var parsed) ? parsed : null;
        var body = Text(element, "body");
        if (string.IsNullOrWhiteSpace(title))
        {
            return (null, new GdsReportError { Index = index, Url = url, Message = "the report has no title" });
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, new GdsReportError { Index = index, Title = title, Url = url, Message = "the report has no body text" });
        }

        try
        {
            return (ParseReport(index, title, body, url, Text(element, "summary")), null);
        }
        catch (InvalidDocumentException ex)
        {
            return (null, new GdsReportError { Index = index, Title = title, Url = url, Message = ex.Reason ?? ex.Message });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, new GdsReportError { Index = index, Title = title, Url = url, Message = $"could not be parsed ({ex.GetType().Name}: {ex.Message})" });
        }
    }

    // The corpus repeats some reports and reuses some addresses; ids must still be unique within one import.
    private static GdsImportedReport WithUniqueId(GdsImportedReport report, HashSet<string> ids)
    {
        var id = report.Assessment.Id;
        for (var n = 2; !ids.Add(id); n++)
        {
            id = $"{report.Assessment.Id}-{n}";
        }

        if (string.Equals(id, report.Assessment.Id, StringComparison.Ordinal))
        {
            return report;
        }

        var original = report.Original is null ? null : report.Original with { Id = id + "-original" };
        return report with
        {
            Assessment = report.Assessment with { Id = id, ReassessmentOf = original?.Id },
            Original = original,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = OrdinalSuffix().Replace(text, "$1");
        var numeric = NumericDate().Match(clean);
        if (numeric.Success)
        {
            var year = int.Parse(numeric.Groups["y"].Value, CultureInfo.InvariantCulture);
            return MakeDate(year < 100 ? 2000 + year : year, int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(numeric.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        var iso = IsoDate().Match(clean);
        if (iso.Success)
        {
            return MakeDate(int.Parse(iso.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        var named = DayMonthNameDate().Match(clean);
        if (named.Success && Month(named.Groups["month"].Value) is { } month)
        {
            return MakeDate(int.Parse(named.Groups["y"].Value, CultureInfo.InvariantCulture), month, int.Parse(named.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        var american = MonthNameDayDate().Match(clean);
        if (american.Success && Month(american.Groups["month"].Value) is { } month2)
        {
            return MakeDate(int.Parse(american.Groups["y"].Value, CultureInfo.InvariantCulture), month2, int.Parse(american.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        return null;
    }

    private static int? Month(string name)
    {
        var names = DateTimeFormatInfo.InvariantInfo.MonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (name.Length >= 3 && names[i].StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return string.Equals(name, "Sept", StringComparison.OrdinalIgnoreCase) ? 9 : null;
    }

    private static DateOnly? MakeDate(int year, int month, int day) =>
        year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>Normalises a stated result to the reports' vocabulary, or null when it says none of them.</summary>
    internal static string? NormaliseResult(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var negative = NegativeWord().IsMatch(text);
        if (MetWord().IsMatch(text) && !PassWord().IsMatch(text))
        {
            return negative ? "not-met" : "met";
        }

        if (PassWord().IsMatch(text))
        {
            return negative ? "not-pass" : text.Contains("condition", StringComparison.OrdinalIgnoreCase) ? "pass-with-conditions" : "pass";
        }

        if (text.Contains("proceed", StringComparison.OrdinalIgnoreCase))
        {
            return negative ? "not-pass" : "may-proceed";
        }

        return text.Contains("fail", StringComparison.OrdinalIgnoreCase) ? "not-pass" : null;
    }

    /// <summary>Normalises a stage label; <paramref name="movingTo"/> means the label names the phase the service is moving to.</summary>
    internal static ServicePhase? NormaliseStage(string? text, bool movingTo)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        bool Has(string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (movingTo)
        {
            return Has("private") ? ServicePhase.Alpha
                : Has("live") ? ServicePhase.Live
                : Has("beta") ? ServicePhase.Beta
                : Has("alpha") ? ServicePhase.Discovery
                : null;
        }

        return Has("discovery") ? ServicePhase.Discovery
            : Has("alpha") ? ServicePhase.Alpha
            : Has("private beta") ? ServicePhase.PrivateBeta
            : Has("public beta") ? ServicePhase.PublicBeta
            : Has("beta") ? ServicePhase.Beta
            : Has("live") ? ServicePhase.Live
            : null;
    }

    /// <summary>Reads a criteria number from a table cell ("7", "7.", "Criterion 7", "Point 7"), or null.</summary>
    internal static int? CellNumber(string cell)
    {
        var match = CriterionNumber().Match(cell.Trim().Trim('*', ' '));
        return match.Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Maps a criteria-table cell to a pass/not pass scheme value, or null when it is none.</summary>
    internal static string? CellOutcome(string cell)
    {
        var value = cell.Trim().Trim('*', '\\', ' ', '.').Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (NotApplicable().IsMatch(value))
        {
            return "not-applicable";
        }

        if (NegativeCell().IsMatch(value))
        {
            return "not-pass";
        }

        return PositiveCell().IsMatch(value) ? "pass" : null;
    }

    [GeneratedRegex(@"^(?:(?:criteri(?:on|a)|point)\s*)?(?<n>\d{1,2})\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CriterionNumber();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalSuffix();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s*[/.\-]\s*(?<m>\d{1,2})\s*[/.\-]\s*(?<y>\d{4}|\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s+(?:of\s+)?(?<month>[A-Za-z]{3,9})\.?,?\s+(?<y>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthNameDate();

    [GeneratedRegex(@"\b(?<month>[A-Za-z]{3,9})\.?\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameDayDate();

    [GeneratedRegex(@"\b(not|didn't|did not|fail(?:ed)?|unsuccessful)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeWord();

    [GeneratedRegex(@"\bpass(?:ed)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PassWord();

    [GeneratedRegex(@"\bmet\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetWord();

    [GeneratedRegex(@"^(n\s*/\s*a|na|not applicable)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotApplicable();

    [GeneratedRegex(@"^(?:no|n|not (?:yet )?(?:passed|pass|met)|fail(?:ed)?|x|✗|✘)(?:\b|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeCell();

    [GeneratedRegex(@"^(?:yes|y|pass(?:ed)?|met|✓|✔)(?:\b|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PositiveCell();
}
