using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace SpeedingReport.Hosting;

/// <summary>
/// Ready when Redis (the shared session) answers a PING. Unhealthy otherwise: an instance without its session store
/// cannot carry a resident's journey, so the load balancer should send residents to another. The connection string
/// (it can hold a password) is never part of the result.
/// </summary>
internal sealed partial class RedisHealthCheck(RedisConnection connection, ILogger<RedisHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(cancellationToken);
            if (!multiplexer.IsConnected)
            {
                LogUnhealthy(logger, "not connected");
                return new HealthCheckResult(context.Registration.FailureStatus, "Redis (the shared session) cannot be reached.");
            }

            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy("Redis (the shared session) answers.", new Dictionary<string, object> { ["latencyMs"] = Math.Round(latency.TotalMilliseconds, 1) });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The type only: the message can name the server.
            LogUnhealthy(logger, ex.GetType().Name);
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis (the shared session) failed: {ex.GetType().Name}.", data: new Dictionary<string, object> { ["error"] = ex.GetType().Name });
        }
    }

    [LoggerMessage(EventId = 3150, EventName = "RedisUnhealthy", Level = LogLevel.Warning, Message = "Health: Redis (the shared session) is not ready: {Reason}")]
    private static partial void LogUnhealthy(ILogger logger, string reason);
}
