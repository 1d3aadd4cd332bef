using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SpeedingReport.Storage;

namespace SpeedingReport.Operations;

/// <summary>
/// Ready when the report database answers and has every migration applied; its data is the delivery backlog (how many
/// deliveries wait, wait for an id, or failed, and how old the oldest waiting one is). Degraded when that oldest one
/// is older than <see cref="ReportDatabaseHealthOptions.MaxPendingDeliveryAge"/>: reports are still taken and kept,
/// so the instance stays in the load balancer, but someone should look at the delivery worker or GOV.UK Notify.
/// The connection string (it can hold a password) is never part of the result.
/// </summary>
public sealed partial class ReportDatabaseHealthCheck(
    IReportsDbContextFactory factory,
    IOptions<ReportDatabaseHealthOptions> options,
    TimeProvider time,
    ILogger<ReportDatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Dictionary<string, object> { ["provider"] = factory.Provider };
        try
        {
            await using var db = await factory.CreateAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                LogUnhealthy(logger, factory.Provider, "cannot connect");
                return new HealthCheckResult(context.Registration.FailureStatus, $"The report database ({factory.Provider}) cannot be reached.", data: data);
            }

            var pendingMigrations = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            data["pendingMigrations"] = pendingMigrations;
            if (pendingMigrations > 0)
            {
                LogUnhealthy(logger, factory.Provider, $"{pendingMigrations} migration(s) not applied");
                return new HealthCheckResult(context.Registration.FailureStatus, $"The report database ({factory.Provider}) is not migrated: {pendingMigrations} migration(s) not applied.", data: data);
            }

            // One grouped count rather than three, so a large table is scanned once (the (Status, NextAttemptAt) index serves it).
            var counts = await db.Deliveries.AsNoTracking()
                .Where(d => d.Status != DeliveryStatus.Delivered)
                .GroupBy(d => d.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            int Count(DeliveryStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
            data["deliveriesPending"] = Count(DeliveryStatus.Pending);
            data["deliveriesAwaitingId"] = Count(DeliveryStatus.AwaitingId);
            data["deliveriesFailed"] = Count(DeliveryStatus.Failed);

            var oldest = await db.Deliveries.AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Pending)
                .OrderBy(d => d.CreatedAt)
                .Select(d => (DateTimeOffset?)d.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (oldest is not { } created)
            {
                return HealthCheckResult.Healthy($"The report database ({factory.Provider}) is reachable and migrated; no delivery is waiting.", data);
            }

            var age = time.GetUtcNow() - created;
            if (age < TimeSpan.Zero)
            {
                age = TimeSpan.Zero;
            }

            data["oldestPendingDeliveryAgeSeconds"] = (long)age.TotalSeconds;
            var limit = options.Value.MaxPendingDeliveryAge;
            if (age > limit)
            {
                LogBacklog(logger, (long)age.TotalMinutes, (long)limit.TotalMinutes, Count(DeliveryStatus.Pending));
                return HealthCheckResult.Degraded($"The oldest waiting delivery was stored {Describe(age)} ago, longer than the {Describe(limit)} allowed (SpeedingReport:Health:MaxPendingDeliveryAge).", data: data);
            }

            return HealthCheckResult.Healthy($"The report database ({factory.Provider}) is reachable and migrated; the oldest waiting delivery is {Describe(age)} old.", data);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The type only: a provider's message can name the server, the user or the file path.
            data["error"] = ex.GetType().Name;
            LogUnhealthy(logger, factory.Provider, ex.GetType().Name);
            return new HealthCheckResult(context.Registration.FailureStatus, $"The report database ({factory.Provider}) failed: {ex.GetType().Name}.", data: data);
        }
    }

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 2 } => $"{(int)span.TotalDays} days",
        { TotalHours: >= 2 } => $"{(int)span.TotalHours} hours",
        { TotalMinutes: >= 2 } => $"{(int)span.TotalMinutes} minutes",
        _ => $"{(int)span.TotalSeconds} seconds",
    };

    [LoggerMessage(EventId = 3110, EventName = "ReportDatabaseUnhealthy", Level = LogLevel.Warning, Message = "Health: the report database ({Provider}) is not ready: {Reason}")]
    private static partial void LogUnhealthy(ILogger logger, string provider, string reason);

    [LoggerMessage(EventId = 3111, EventName = "DeliveryBacklog", Level = LogLevel.Warning, Message = "Health: the oldest waiting delivery is {AgeMinutes} minutes old (limit {LimitMinutes}); {Pending} deliveries waiting")]
    private static partial void LogBacklog(ILogger logger, long ageMinutes, long limitMinutes, int pending);
}
