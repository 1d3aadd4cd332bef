using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LocalGov.Boundaries;

/// <summary>Reports whether the registered <see cref="ParishResolver"/> has its index (loading or building it if not yet done).</summary>
internal sealed class ParishResolverHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var resolver = (ParishResolver?)services.GetService(typeof(ParishResolver));
            if (resolver is null)
            {
                return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "No ParishResolver is registered (AddParishResolver)."));
            }

            var data = new Dictionary<string, object>
            {
                ["areas"] = resolver.Areas.Count,
                ["crs"] = resolver.Crs.ToString(),
                ["hasDistricts"] = resolver.HasDistricts,
            };
            return Task.FromResult(resolver.Areas.Count == 0
                ? new HealthCheckResult(context.Registration.FailureStatus, "The parish index holds no areas.", data: data)
                : HealthCheckResult.Healthy($"The parish index is loaded ({resolver.Areas.Count} areas).", data));
        }
        catch (BoundariesException ex)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"The parish index could not be loaded: {ex.GetType().Name}.", data: new Dictionary<string, object> { ["error"] = ex.GetType().Name }));
        }
    }
}
