using Microsoft.Extensions.Diagnostics.HealthChecks;
using SpeedingReport.Location;

namespace SpeedingReport.Operations;

/// <summary>Ready once the parish and district index is loaded (it is loaded at start, so this fails only if it is empty).</summary>
public sealed class AreaIndexHealthCheck(AreaResolver areas) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var districts = areas.Districts.Count;
        var data = new Dictionary<string, object> { ["districts"] = districts };
        return Task.FromResult(districts > 0
            ? HealthCheckResult.Healthy("The parish and district index is loaded.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, "The boundary index holds no districts.", data: data));
    }
}
