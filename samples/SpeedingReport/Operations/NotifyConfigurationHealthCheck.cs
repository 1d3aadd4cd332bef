using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;

namespace SpeedingReport.Operations;

/// <summary>
/// Outside the demo, reports must reach GOV.UK Notify, so its API key must be configured (<c>Notify:ApiKey</c>). Only its
/// presence is checked (and never written out): a call to Notify per probe would spend the service's rate limit.
/// </summary>
public sealed class NotifyConfigurationHealthCheck(IConfiguration configuration, IOptions<SpeedingReportOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.Value.IsDemo)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Demo mode: reports are not sent through Notify."));
        }

        return Task.FromResult(string.IsNullOrWhiteSpace(configuration[SpeedingReportOperations.NotifyApiKeySetting])
            ? new HealthCheckResult(context.Registration.FailureStatus, $"{SpeedingReportOperations.NotifyApiKeySetting} is not configured, so reports cannot be sent.")
            : HealthCheckResult.Healthy("GOV.UK Notify is configured."));
    }
}
