using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace LocalGov.Postcodes.Internal;

/// <summary>Asks postcodes.io whether it is ready (<c>GET /ready</c>, no postcode sent) within a time limit.</summary>
internal sealed class PostcodesIoHealthCheck(PostcodesIo.PostcodesIoClient client, TimeSpan timeout, ILogger? logger = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var data = new Dictionary<string, object> { ["service"] = client.BaseAddress.GetLeftPart(UriPartial.Authority) };
        try
        {
            await client.GetReadinessAsync(limit.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("postcodes.io is ready.", data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (logger is not null)
            {
                PostcodesLog.HealthFailed(logger, "postcodes.io", "timeout");
            }

            return new HealthCheckResult(context.Registration.FailureStatus, $"postcodes.io did not answer within {timeout.TotalSeconds:F0} s.", data: data);
        }
        catch (PostcodesException ex)
        {
            data["error"] = ex.GetType().Name;
            if (logger is not null)
            {
                PostcodesLog.HealthFailed(logger, "postcodes.io", ex.GetType().Name);
            }

            if (ex is PostcodesServiceException service)
            {
                data["status"] = service.StatusCode;
            }

            return new HealthCheckResult(context.Registration.FailureStatus, $"postcodes.io failed: {ex.GetType().Name}.", data: data);
        }
    }
}
