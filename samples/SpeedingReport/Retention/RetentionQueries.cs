using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpeedingReport.Storage;

namespace SpeedingReport.Retention;

/// <summary>Read-only: whether a report was anonymised and when, or when it will be.</summary>
public sealed class RetentionQueries(IReportsDbContextFactory factory, IOptions<RetentionOptions> options)
{
    /// <summary>Null when no report has that reference.</summary>
    public async Task<ReportRetentionView?> ForReferenceAsync(string reference, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        var row = await db.Reports.AsNoTracking().Where(r => r.Reference == reference)
            .Select(r => new { r.ClosedAt, r.AnonymisedAt }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : View(reference, row.ClosedAt, row.AnonymisedAt);
    }

    /// <summary>The view from a report already loaded (the report page has the row).</summary>
    public ReportRetentionView View(string reference, DateTimeOffset? closedAt, DateTimeOffset? anonymisedAt)
    {
        var period = options.Value.ParsedPeriod;
        return new ReportRetentionView(reference, closedAt, anonymisedAt, closedAt is { } closed ? period.DueAt(closed) : null, period.ToString());
    }
}
