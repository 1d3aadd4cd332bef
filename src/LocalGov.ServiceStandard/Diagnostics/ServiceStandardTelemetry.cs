using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// The package's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>. The package's
/// only remote call is reading GOV.UK's bank holiday list, so that is what is traced; the calendar and the assessment
/// model are in-memory work and are not instrumented. A file path is never a tag (it can name a person's home folder),
/// and a URL is tagged without its query (a mirror may be given one with a token in it).
/// </summary>
internal static class ServiceStandardTelemetry
{
    public const string Name = "LocalGov.ServiceStandard";

    public const string SourceKindTag = "localgov.bank_holidays.source";
    public const string OutcomeTag = "localgov.outcome";
    public const string ErrorTypeTag = "error.type";
    public const string DifferencesTag = "localgov.bank_holidays.differences";
    public const string UrlTag = "url.full";

    private static readonly string Version = typeof(ServiceStandardTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> BankHolidayReads = Meter.CreateCounter<long>("localgov.servicestandard.bank_holidays.reads", "{read}", "Reads of the official bank holiday list, by source kind (url or file) and outcome.");

    public static readonly Histogram<double> BankHolidayReadDuration = Meter.CreateHistogram<double>("localgov.servicestandard.bank_holidays.read.duration", "s", "Time to read and check the official bank holiday list.");

    public static readonly Counter<long> BankHolidayDifferences = Meter.CreateCounter<long>("localgov.servicestandard.bank_holidays.differences", "{day}", "Days on which a list read disagrees with the rules (the list wins).");

    /// <summary>The URL with no query or fragment.</summary>
    public static string Redact(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : "(relative)";
}
