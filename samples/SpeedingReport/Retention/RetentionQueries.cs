using Microsoft.Extensions.Options;

namespace SpeedingReport.Retention;

/// <summary>A report's retention state from its row: whether it was anonymised and when, or when it will be.</summary>
public sealed class RetentionQueries(IOptions<RetentionOptions> options)
{
    /// <summary>The view of a report already loaded (the staff report page has the row).</summary>
    public ReportRetentionView View(string reference, DateTimeOffset? closedAt, DateTimeOffset? anonymisedAt)
    {
        var period = options.Value.ParsedPeriod;
        return new ReportRetentionView(reference, closedAt, anonymisedAt, closedAt is { } closed ? period.DueAt(closed) : null, period.ToString());
    }
}
