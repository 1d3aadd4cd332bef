using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpeedingReport.Reports;
using SpeedingReport.Storage;

namespace SpeedingReport.Delivery;

/// <summary>
/// One worker's side of delivery: claim due deliveries with a lease (on PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>, so
/// workers on every instance claim different rows at once; on SQLite a conditional UPDATE under its one writer), call
/// each one's channel, and record the attempt and the delivery's new state.
/// </summary>
public sealed partial class DeliveryProcessor
{
    private readonly IReportsDbContextFactory _factory;
    private readonly Dictionary<string, IDeliveryChannel> _channels;
    private readonly TimeProvider _time;
    private readonly DeliveryOptions _options;
    private readonly ILogger<DeliveryProcessor> _logger;

    public DeliveryProcessor(IReportsDbContextFactory factory, IEnumerable<IDeliveryChannel> channels, TimeProvider time, IOptions<DeliveryOptions> options, ILogger<DeliveryProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(options);
        _factory = factory;

        // The last registration of a name wins, as with other DI overrides (a test or the live channel replacing the demo one).
        _channels = new Dictionary<string, IDeliveryChannel>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            _channels[channel.Name] = channel;
        }

        _time = time;
        _options = options.Value;
        _logger = logger;
        var machine = Environment.MachineName;
        WorkerId = $"{machine[..Math.Min(machine.Length, 30)]}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>This worker, as recorded on its claims and attempts.</summary>
    public string WorkerId { get; }

    /// <summary>Claims what is due and sends it; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Concurrency), CancellationToken = cancellationToken },
            async (delivery, ct) => await DeliverAsync(delivery, ct));
        return claimed.Count;
    }

    /// <summary>Takes the lease on up to <see cref="DeliveryOptions.BatchSize"/> due deliveries.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var leaseUntil = now + _options.LeaseDuration;
        var claim = $"{WorkerId}:{Guid.NewGuid().ToString("N")[..12]}";
        var batch = Math.Max(1, _options.BatchSize);
        await using var db = await _factory.CreateAsync(cancellationToken);

        int count;
        if (_factory.Provider == ReportStorageServiceCollectionExtensions.PostgresProvider)
        {
            count = await ClaimOnPostgresAsync(db, claim, now, leaseUntil, batch, cancellationToken);
        }
        else
        {
            var due = db.Deliveries
                .Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.AwaitingId) && d.NextAttemptAt <= now && (d.LeaseExpiresAt == null || d.LeaseExpiresAt < now))
                .OrderBy(d => d.NextAttemptAt)
                .Take(batch)
                .Select(d => d.Id);

            // SQLite has one writer at a time (the write gate, then the database's own lock), so the rows chosen are
            // still as chosen when they are updated; the conditions are repeated all the same.
            using (await _factory.EnterWriteAsync(cancellationToken))
            {
                count = await db.Deliveries
                    .Where(d => due.Contains(d.Id))
                    .Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.AwaitingId) && d.NextAttemptAt <= now && (d.LeaseExpiresAt == null || d.LeaseExpiresAt < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, claim).SetProperty(d => d.LeaseExpiresAt, leaseUntil), cancellationToken);
            }
        }

        if (count == 0)
        {
            return [];
        }

        var rows = await db.Deliveries.AsNoTracking().Include(d => d.Report).Where(d => d.ClaimedBy == claim).ToListAsync(cancellationToken);
        return [.. rows.Select(d => new ClaimedDelivery(d, claim))];
    }

    /// <summary>
    /// The claim on PostgreSQL, where workers on every instance claim at once. <c>FOR UPDATE SKIP LOCKED</c> locks the
    /// due rows it picks and passes over those another worker's claim is locking, so two claims at the same moment take
    /// different rows (each gets a full batch) and never wait on or deadlock with each other. Under READ COMMITTED a row
    /// changed and committed since this statement's snapshot is re-read and its conditions checked again before it is
    /// locked, so a delivery just sent, or just given a later retry time, is not taken again. (A locking CTE is run
    /// once, as written; a subquery in <c>IN (…)</c> could be planned to run again.)
    /// </summary>
    private static Task<int> ClaimOnPostgresAsync(ReportsDbContext db, string claim, DateTimeOffset now, DateTimeOffset leaseUntil, int batch, CancellationToken cancellationToken)
    {
        var pending = nameof(DeliveryStatus.Pending);
        var awaitingId = nameof(DeliveryStatus.AwaitingId);
        return db.Database.ExecuteSqlAsync(
            $"""
            WITH due AS (
                SELECT "Id" FROM deliveries
                WHERE "Status" IN ({pending}, {awaitingId}) AND "NextAttemptAt" <= {now} AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {now})
                ORDER BY "NextAttemptAt"
                LIMIT {batch}
                FOR UPDATE SKIP LOCKED)
            UPDATE deliveries AS d SET "ClaimedBy" = {claim}, "LeaseExpiresAt" = {leaseUntil}
            FROM due WHERE d."Id" = due."Id"
            """,
            cancellationToken);
    }

    /// <summary>Sends one claimed delivery and records the attempt. Cancellation records nothing: the lease lapses and another run sends it.</summary>
    public async Task DeliverAsync(ClaimedDelivery claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var delivery = claimed.Delivery;
        var report = delivery.Report ?? throw new InvalidOperationException("The claimed delivery's report was not loaded.");
        var startedAt = _time.GetUtcNow();
        if (startedAt >= delivery.LeaseExpiresAt)
        {
            // Later in a batch than the lease lasts (a slow channel): another worker may hold it by now, so sending it
            // here could send it twice. It is left to be claimed again.
            LogLeaseLapsedBeforeSend(_logger, delivery.Id, report.Reference);
            return;
        }

        var outcome = await CallChannelAsync(delivery, report, cancellationToken);
        var finishedAt = _time.GetUtcNow();
        var number = delivery.AttemptCount + 1;

        var (status, nextAttemptAt, lastError) = Decide(delivery, outcome, number, finishedAt);
        await using var db = await _factory.CreateAsync(cancellationToken);
        using var writing = await _factory.EnterWriteAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.DeliveryAttempts.Add(new DeliveryAttemptRecord
        {
            Id = Guid.CreateVersion7(finishedAt),
            DeliveryId = delivery.Id,
            Number = number,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Outcome = outcome.Kind,
            Detail = Truncate(outcome.Detail),
            RemoteId = Truncate(outcome.RemoteId, 200),
            Worker = WorkerId,
        });
        await db.SaveChangesAsync(cancellationToken);

        var done = status is DeliveryStatus.Delivered or DeliveryStatus.Failed;
        var pendingToken = outcome.Kind == DeliveryOutcomeKind.AwaitingId ? Truncate(outcome.RemoteId, 200) : delivery.PendingToken;
        var remoteId = outcome.Kind == DeliveryOutcomeKind.Delivered ? Truncate(outcome.RemoteId, 200) : delivery.RemoteId;
        DateTimeOffset? completedAt = done ? finishedAt : null;
        var updated = await db.Deliveries
            .Where(d => d.Id == delivery.Id && d.ClaimedBy == claimed.Claim)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, status)
                    .SetProperty(d => d.AttemptCount, number)
                    .SetProperty(d => d.NextAttemptAt, nextAttemptAt)
                    .SetProperty(d => d.LastError, lastError)
                    .SetProperty(d => d.PendingToken, pendingToken)
                    .SetProperty(d => d.RemoteId, remoteId)
                    .SetProperty(d => d.CompletedAt, completedAt)
                    .SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.LeaseExpiresAt, (DateTimeOffset?)null),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (updated == 0)
        {
            // The lease lapsed during the send and another run claimed it: the attempt is recorded, its state is theirs.
            LogLeaseLost(_logger, delivery.Id, report.Reference);
        }
        else if (status == DeliveryStatus.Failed)
        {
            LogFailed(_logger, delivery.Id, report.Reference, delivery.Kind, lastError);
        }
        else if (outcome.Kind == DeliveryOutcomeKind.Transient)
        {
            LogRetry(_logger, delivery.Id, report.Reference, number, nextAttemptAt, outcome.Detail);
        }
    }

    private async Task<DeliveryOutcome> CallChannelAsync(DeliveryRecord delivery, ReportRecord report, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(delivery.Channel, out var channel))
        {
            // Settings, not the message, are wrong: keep it and retry, so fixing the settings sends it.
            return DeliveryOutcome.Transient($"No delivery channel named '{delivery.Channel}' is configured.");
        }

        ReportSubmission submission;
        try
        {
            submission = JsonSerializer.Deserialize(report.SubmissionJson, ReportSubmissionJson.Default.ReportSubmission)
                ?? throw new JsonException("The stored submission is JSON null.");
        }
        catch (JsonException ex)
        {
            return DeliveryOutcome.Permanent($"The stored report cannot be read: {ex.Message}");
        }

        var request = new DeliveryRequest(delivery.Id, report.Reference, delivery.Kind, delivery.RecipientAddress, submission, report.ReceivedAt, delivery.PendingToken);
        try
        {
            return await channel.DeliverAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Channels report failures as outcomes; one that throws anyway is treated as a transient fault, not lost.
            return DeliveryOutcome.Transient($"The {channel.Name} channel failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private (DeliveryStatus Status, DateTimeOffset NextAttemptAt, string? LastError) Decide(DeliveryRecord delivery, DeliveryOutcome outcome, int number, DateTimeOffset now)
    {
        var tooOld = now - delivery.CreatedAt >= _options.MaxAge;
        switch (outcome.Kind)
        {
            case DeliveryOutcomeKind.Delivered:
                return (DeliveryStatus.Delivered, now, delivery.LastError);
            case DeliveryOutcomeKind.AwaitingId when tooOld:
                return (DeliveryStatus.Failed, now, $"Accepted with token {outcome.RemoteId}, but no id came for it within {_options.MaxAge}.");
            case DeliveryOutcomeKind.AwaitingId:
                return (DeliveryStatus.AwaitingId, now + _options.TokenFollowUpInterval, delivery.LastError);
            case DeliveryOutcomeKind.Permanent:
                return (DeliveryStatus.Failed, now, Truncate(outcome.Detail ?? "Permanent failure (no reason given)."));
            default:
                var reason = outcome.Detail ?? "Transient failure (no reason given).";
                if (number >= _options.MaxAttempts || tooOld)
                {
                    return (DeliveryStatus.Failed, now, Truncate($"Gave up after {number} attempts over {(now - delivery.CreatedAt):g}. Last: {reason}"));
                }

                return (DeliveryStatus.Pending, now + DeliveryBackoff.Next(number, outcome.RetryAfter, _options), Truncate(reason));
        }
    }

    private static string? Truncate(string? text, int max = 2000) => text is null || text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} of {Reference}: the lease lapsed during the send; another run has it")]
    private static partial void LogLeaseLost(ILogger logger, Guid deliveryId, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} of {Reference}: the lease lapsed before its turn in the batch; left for the next claim (LeaseDuration is short for the channel's pace)")]
    private static partial void LogLeaseLapsedBeforeSend(ILogger logger, Guid deliveryId, string reference);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} ({Kind}) of {Reference} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, string reference, DeliveryKind kind, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} of {Reference}: attempt {Attempt} failed, retrying at {NextAttemptAt}: {Reason}")]
    private static partial void LogRetry(ILogger logger, Guid deliveryId, string reference, int attempt, DateTimeOffset nextAttemptAt, string? reason);
}
