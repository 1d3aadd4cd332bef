using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LocalGov.ModernGov;

/// <summary>Asks one council's Modern.Gov an operation (by default its committees, a small, always-present list) within a time limit.</summary>
internal sealed class ModernGovHealthCheck(IModernGovClientFactory factory, string councilName, TimeSpan timeout, Func<IModernGovClient, CancellationToken, Task<int>>? probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["council"] = councilName };
        var started = Stopwatch.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var client = factory.GetClient(councilName);
            data["items"] = probe is null
                ? (await client.GetCommitteesAsync(limit.Token).ConfigureAwait(false)).Count
                : await probe(client, limit.Token).ConfigureAwait(false);
            data["durationMs"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return HealthCheckResult.Healthy($"Modern.Gov for {councilName} answered.", data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            data["durationMs"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new HealthCheckResult(context.Registration.FailureStatus, $"Modern.Gov for {councilName} did not answer within {timeout.TotalSeconds:F0} s.", data: data);
        }
        catch (ModernGovException ex)
        {
            data["durationMs"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            data["error"] = ex.GetType().Name;
            if (ex.StatusCode is { } status)
            {
                data["status"] = (int)status;
            }

            // The exception's message names the URL and quotes the body; health output is often public, so only the type goes out.
            return new HealthCheckResult(context.Registration.FailureStatus, $"Modern.Gov for {councilName} failed: {ex.GetType().Name}.", data: data);
        }
    }
}
