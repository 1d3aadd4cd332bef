using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;
using SpeedingReport.Delivery.Notify;

namespace SpeedingReport.Operations;

/// <summary>
/// Outside the demo, reports must reach GOV.UK Notify, so its settings (<c>SpeedingReport:Notify</c>) must be usable. The
/// settings are checked, never written out: a call to Notify per probe would spend the service's rate limit.
/// </summary>
public sealed class NotifyConfigurationHealthCheck(IOptions<SpeedingReportOptions> options, IOptionsMonitor<NotifyOptions> notify) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.Value.IsDemo)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Demo mode: reports are not sent through Notify."));
        }

        // The monitor, not a snapshot taken at start: a reloaded configuration that breaks the settings shows here.
        return Task.FromResult(notify.CurrentValue.Problem() is { } problem
            ? new HealthCheckResult(context.Registration.FailureStatus, $"{problem} Reports cannot be sent until it is fixed.")
            : HealthCheckResult.Healthy("GOV.UK Notify is configured."));
    }
}
