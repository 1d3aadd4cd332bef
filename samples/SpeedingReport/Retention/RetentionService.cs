using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpeedingReport.Delivery;
using SpeedingReport.Storage;

namespace SpeedingReport.Retention;

/// <summary>
/// Erases the personal data of reports closed longer than the retention period ago, in batches. Each report is
/// changed by a conditional UPDATE (still closed, still due, not yet anonymised, no delivery pending), so two
/// instances running it at once anonymise each report once, and a report reopened meanwhile is left alone.
/// </summary>
public sealed partial class RetentionService(IReportsDbContextFactory factory, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionService> logger)
{
    public async Task<RetentionRunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var due = settings.ParsedPeriod.ClosedOnOrBefore(now);
        var batchSize = Math.Max(1, settings.BatchSize);
        int anonymised = 0, unreadable = 0;
        while (true)
        {
            await using var db = await factory.CreateAsync(cancellationToken);

            // Unreadable ones stay in the query (nothing changed them); skipping past them keeps the run moving.
            var batch = await Due(db, due).OrderBy(r => r.ClosedAt).ThenBy(r => r.Id).Skip(unreadable).Take(batchSize)
                .Select(r => new { r.Id, r.Reference, r.SubmissionJson }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            using (await factory.EnterWriteAsync(cancellationToken))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var report in batch)
                {
                    if (ReportAnonymiser.AnonymiseJson(report.SubmissionJson) is not { } json)
                    {
                        unreadable++;
                        LogUnreadable(logger, report.Reference);
                        continue;
                    }

                    var updated = await Due(db, due).Where(r => r.Id == report.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmissionJson, json).SetProperty(r => r.ReporterEmail, "").SetProperty(r => r.AnonymisedAt, now), cancellationToken);
                    if (updated == 0)
                    {
                        // Another instance got there first, or the report was reopened or given a delivery to make.
                        continue;
                    }

                    // The resident's address is on their confirmation; copies of the messages sit in the demo outbox.
                    await db.Deliveries.Where(d => d.ReportId == report.Id && d.Kind == DeliveryKind.ConfirmationToResident)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.RecipientAddress, ""), cancellationToken);
                    await db.DemoOutbox.Where(m => m.Reference == report.Reference).ExecuteDeleteAsync(cancellationToken);
                    anonymised++;
                }

                await transaction.CommitAsync(cancellationToken);
            }

            if (batch.Count < batchSize)
            {
                break;
            }
        }

        await using var counting = await factory.CreateAsync(cancellationToken);
        var waiting = await counting.Reports.CountAsync(
            r => r.AnonymisedAt == null && r.ClosedAt != null && r.ClosedAt <= due
                && r.Deliveries.Any(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.AwaitingId),
            cancellationToken);
        if (anonymised > 0 || waiting > 0)
        {
            LogRun(logger, anonymised, waiting, settings.Period);
        }

        return new RetentionRunResult(anonymised, waiting, unreadable);
    }

    /// <summary>Closed on or before <paramref name="closedOnOrBefore"/>, not yet anonymised, and no delivery that still needs the data.</summary>
    private static IQueryable<ReportRecord> Due(ReportsDbContext db, DateTimeOffset closedOnOrBefore) =>
        db.Reports.Where(r => r.AnonymisedAt == null && r.ClosedAt != null && r.ClosedAt <= closedOnOrBefore
            && !r.Deliveries.Any(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.AwaitingId));

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: personal data erased from {Anonymised} closed reports; {Waiting} due are waiting for a delivery to finish (period {Period})")]
    private static partial void LogRun(ILogger logger, int anonymised, int waiting, string period);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: the stored submission of report {Reference} cannot be read, so its personal data was not erased; it needs a person to look at it")]
    private static partial void LogUnreadable(ILogger logger, string reference);
}
