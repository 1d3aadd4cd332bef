using LocalGov.Boundaries;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a health check of the parish resolver registered with <c>AddParishResolver</c>.</summary>
public static class BoundariesHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds a check that the <see cref="ParishResolver"/> has its index: healthy with its area count, unhealthy when the
    /// index cannot be loaded or is empty. The first check loads (or builds) it, so put it on the readiness probe.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; defaults to <c>parish-resolver</c>.</param>
    /// <param name="failureStatus">What a failure reports; defaults to <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>ready</c>).</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddParishResolverHealthCheck(this IHealthChecksBuilder builder, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name ?? "parish-resolver", sp => new ParishResolverHealthCheck(sp), failureStatus ?? HealthStatus.Unhealthy, tags));
    }
}
