using LocalGov.ModernGov;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a health check of a council's Modern.Gov web service.</summary>
public static class ModernGovHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds a check that asks the council registered as <paramref name="councilName"/> for its committees (or what
    /// <paramref name="probe"/> asks: the operation the app relies on, such as <c>GetParishCouncilsAsync</c>). It reports
    /// <see cref="HealthStatus.Degraded"/> by default when the council fails, not Unhealthy: a council's outage should not take
    /// an app that can fall back (see <c>AddModernGovCache</c>) out of its load balancer. Tag it to keep it off a readiness probe if needed.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="councilName">The council, as registered with <c>AddModernGov</c>.</param>
    /// <param name="name">The check's name; defaults to <c>moderngov-{councilName}</c>.</param>
    /// <param name="failureStatus">What a failure reports; defaults to <see cref="HealthStatus.Degraded"/>.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>ready</c>).</param>
    /// <param name="timeout">How long the council may take; defaults to 10 seconds.</param>
    /// <param name="probe">The call to make, returning how many items came back (reported as <c>items</c>); null for <c>GetCommitteesAsync</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddModernGovHealthCheck(this IHealthChecksBuilder builder, string councilName, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null, Func<IModernGovClient, CancellationToken, Task<int>>? probe = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(councilName);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        return builder.Add(new HealthCheckRegistration(
            name ?? "moderngov-" + councilName,
            sp => new ModernGovHealthCheck(sp.GetRequiredService<IModernGovClientFactory>(), councilName, limit, probe),
            failureStatus ?? HealthStatus.Degraded,
            tags));
    }
}
