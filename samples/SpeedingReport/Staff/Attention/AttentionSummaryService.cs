using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;
using SpeedingReport.Delivery;
using SpeedingReport.Storage;

namespace SpeedingReport.Staff.Attention;

/// <summary>
/// Sends the summary of deliveries that need attention once per period. The period is claimed by inserting its row
/// (the unique period refuses a second instance's insert), so with several instances on one database one sends it;
/// a failed send, or an instance that died holding the claim, leaves the row to be taken over once its lease lapses.
/// </summary>
public sealed partial class AttentionSummaryService(
    IReportsDbContextFactory factory,
    AttentionQueries queries,
    IAttentionSummarySender sender,
    TimeProvider time,
    IOptions<AttentionOptions> options,
    IOptions<SpeedingReportOptions> app,
    ILogger<AttentionSummaryService> logger)
{
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _instance = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 30)]}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The start of the period <paramref name="at"/> falls in: periods of <see cref="AttentionOptions.SummaryEvery"/> from <see cref="AttentionOptions.SummaryAt"/>.</summary>
    public static DateTimeOffset PeriodStart(DateTimeOffset at, AttentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var anchor = Epoch + options.SummaryAt;
        var periods = Math.Max(0, (at.ToUniversalTime() - anchor).Ticks) / options.SummaryEvery.Ticks;
        return anchor + TimeSpan.FromTicks(periods * options.SummaryEvery.Ticks);
    }

    /// <summary>The period's key, e.g. <c>2026-12-02T08:00Z</c>.</summary>
    public static string PeriodKey(DateTimeOffset start) => start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>Sends the current period's summary unless it is done or another instance has it.</summary>
    public async Task<AttentionSummaryRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var start = PeriodStart(now, settings);
        var next = start + settings.SummaryEvery;
        if (string.IsNullOrWhiteSpace(settings.SummaryEmail))
        {
            return new AttentionSummaryRun(null, AttentionSummaryResult.NotConfigured, next);
        }

        var period = PeriodKey(start);
        var claim = $"{_instance}:{Guid.NewGuid().ToString("N")[..12]}";
        var retryAt = Min(now + settings.RetryAfter, next);
        if (await TryClaimAsync(period, claim, now, cancellationToken) is not { } id)
        {
            // Done, or another instance holds it: look again when its lease would lapse, in case that one died.
            return new AttentionSummaryRun(period, AttentionSummaryResult.AlreadyHandled, await IsDoneAsync(period, cancellationToken) ? next : retryAt);
        }

        var list = await queries.FindAsync(cancellationToken);
        if (list.Total == 0)
        {
            await FinishAsync(id, claim, AttentionSummaryOutcome.NothingToSend, 0, null, cancellationToken);
            return new AttentionSummaryRun(period, AttentionSummaryResult.NothingToSend, next);
        }

        var message = AttentionSummaryMessage.Compose(list, period, settings, app.Value.CouncilName);
        var outcome = await sender.SendAsync(id, settings.SummaryEmail, message, cancellationToken);
        if (outcome.Kind == DeliveryOutcomeKind.Delivered)
        {
            await FinishAsync(id, claim, AttentionSummaryOutcome.Sent, list.Total, outcome.RemoteId, cancellationToken);
            LogSent(logger, period, list.Total);
            return new AttentionSummaryRun(period, AttentionSummaryResult.Sent, next);
        }

        await ReleaseAsync(id, claim, outcome.Detail ?? outcome.Kind.ToString(), now + settings.RetryAfter, cancellationToken);
        LogSendFailed(logger, period, outcome.Kind, outcome.Detail);
        return new AttentionSummaryRun(period, AttentionSummaryResult.SendFailed, retryAt);
    }

    private async Task<Guid?> TryClaimAsync(string period, string claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leaseUntil = now + options.Value.RetryAfter;
        await using (var db = await factory.CreateAsync(cancellationToken))
        {
            if (!await db.AttentionSummaries.AnyAsync(s => s.Period == period, cancellationToken))
            {
                var record = new AttentionSummaryRecord
                {
                    Id = Guid.CreateVersion7(now),
                    Period = period,
                    Outcome = AttentionSummaryOutcome.Pending,
                    ClaimedBy = claim,
                    LeaseExpiresAt = leaseUntil,
                    AttemptCount = 1,
                    CreatedAt = now,
                };
                db.AttentionSummaries.Add(record);
                try
                {
                    using (await factory.EnterWriteAsync(cancellationToken))
                    {
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    return record.Id;
                }
                catch (DbUpdateException)
                {
                    // Another instance inserted the period first (the unique index); see below whether it can be taken over.
                }
            }
        }

        await using var again = await factory.CreateAsync(cancellationToken);
        int taken;
        using (await factory.EnterWriteAsync(cancellationToken))
        {
            taken = await again.AttentionSummaries
                .Where(s => s.Period == period && s.Outcome == AttentionSummaryOutcome.Pending && (s.LeaseExpiresAt == null || s.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, claim).SetProperty(r => r.LeaseExpiresAt, leaseUntil).SetProperty(r => r.AttemptCount, r => r.AttemptCount + 1), cancellationToken);
        }

        return taken == 0 ? null : await again.AttentionSummaries.Where(s => s.Period == period && s.ClaimedBy == claim).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> IsDoneAsync(string period, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        return await db.AttentionSummaries.AnyAsync(s => s.Period == period && s.Outcome != AttentionSummaryOutcome.Pending, cancellationToken);
    }

    private async Task FinishAsync(Guid id, string claim, AttentionSummaryOutcome outcome, int count, string? remoteId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var remote = remoteId is { Length: > 200 } ? remoteId[..200] : remoteId;
        await using var db = await factory.CreateAsync(cancellationToken);
        using (await factory.EnterWriteAsync(cancellationToken))
        {
            await db.AttentionSummaries.Where(s => s.Id == id && s.ClaimedBy == claim)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Outcome, outcome)
                        .SetProperty(r => r.DeliveryCount, count)
                        .SetProperty(r => r.RemoteId, remote)
                        .SetProperty(r => r.CompletedAt, now)
                        .SetProperty(r => r.ClaimedBy, (string?)null)
                        .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null),
                    cancellationToken);
        }
    }

    private async Task ReleaseAsync(Guid id, string claim, string error, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        var reason = error.Length > 2000 ? error[..2000] : error;
        await using var db = await factory.CreateAsync(cancellationToken);
        using (await factory.EnterWriteAsync(cancellationToken))
        {
            // The lease is kept until the retry time, so no instance tries again sooner.
            await db.AttentionSummaries.Where(s => s.Id == id && s.ClaimedBy == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastError, reason).SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.LeaseExpiresAt, retryAt), cancellationToken);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary of deliveries that need attention sent for {Period}: {Count} deliveries")]
    private static partial void LogSent(ILogger logger, string period, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Summary of deliveries that need attention for {Period} not sent ({Kind}): {Reason}; trying again later")]
    private static partial void LogSendFailed(ILogger logger, string period, DeliveryOutcomeKind kind, string? reason);
}
