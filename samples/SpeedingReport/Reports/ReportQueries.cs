using Microsoft.EntityFrameworkCore;
using SpeedingReport.Storage;

namespace SpeedingReport.Reports;

/// <summary>Read-only views of the store for the pages (the confirmation, the demo outbox).</summary>
public sealed class ReportQueries(IReportsDbContextFactory factory)
{
    /// <summary>What the confirmation page shows about a stored report; null when no report has that reference.</summary>
    public async Task<StoredReportSummary?> FindByReferenceAsync(string reference, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        return await db.Reports.AsNoTracking().Where(r => r.Reference == reference)
            .Select(r => new StoredReportSummary(r.Reference, r.ReceivedAt, r.RecipientName, r.ReporterEmail, r.DealtWithBy))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The demo outbox, newest first.</summary>
    public async Task<IReadOnlyList<DemoOutboxMessage>> DemoOutboxAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        return await db.DemoOutbox.AsNoTracking().OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(limit).ToListAsync(cancellationToken);
    }
}

/// <summary>A stored report as the confirmation page shows it.</summary>
public sealed record StoredReportSummary(string Reference, DateTimeOffset ReceivedAt, string RecipientName, string ReporterEmail, string DealtWithBy);
