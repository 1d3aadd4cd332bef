using LocalGov.ModernGov;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IModernGovCache"/>: cached, stale-if-error reads over <see cref="HybridCache"/>.</summary>
public static class ModernGovCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IModernGovCache"/> (and <see cref="HybridCache"/>, unless one is already registered). Any
    /// <c>IDistributedCache</c> registered (Redis: <c>AddStackExchangeRedisCache</c>) becomes the second level, shared by
    /// every instance of the app. Councils still come from <c>AddModernGov</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes lifetimes or the stale limit, or null for the defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddModernGovCache(this IServiceCollection services, Action<ModernGovCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ModernGovCacheOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services, options);
    }

    /// <summary>Registers <see cref="IModernGovCache"/> with options bound from <paramref name="section"/> (e.g. <c>ModernGov:Cache</c>: <c>ParishCouncils</c>, <c>Meetings</c>, <c>MaxStaleAge</c>…).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddModernGovCache(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        return AddCore(services, services.AddOptions<ModernGovCacheOptions>().Bind(section));
    }

    private static IServiceCollection AddCore(IServiceCollection services, OptionsBuilder<ModernGovCacheOptions> options)
    {
        options.Validate(o => ModernGovCache.Validate(o) is null, "ModernGovCacheOptions: every lifetime must be positive and MaxStaleAge not negative.").ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(IModernGovCache)))
        {
            return services;
        }

        services.AddHybridCache()
            .AddSerializer(new ModernGovCacheSerializer<ModernGovCacheEntry<IReadOnlyList<ModernGovParishCouncil>>>(ModernGovCacheJson.Default.ModernGovCacheEntryIReadOnlyListModernGovParishCouncil))
            .AddSerializer(new ModernGovCacheSerializer<ModernGovCacheEntry<IReadOnlyList<ModernGovCommittee>>>(ModernGovCacheJson.Default.ModernGovCacheEntryIReadOnlyListModernGovCommittee))
            .AddSerializer(new ModernGovCacheSerializer<ModernGovCacheEntry<IReadOnlyList<ModernGovWard>>>(ModernGovCacheJson.Default.ModernGovCacheEntryIReadOnlyListModernGovWard))
            .AddSerializer(new ModernGovCacheSerializer<ModernGovCacheEntry<IReadOnlyList<ModernGovMeetingSummary>>>(ModernGovCacheJson.Default.ModernGovCacheEntryIReadOnlyListModernGovMeetingSummary))
            .AddSerializer(new ModernGovCacheSerializer<ModernGovCacheEntry<ModernGovMeeting>>(ModernGovCacheJson.Default.ModernGovCacheEntryModernGovMeeting));
        services.TryAddSingleton<IModernGovCache>(sp =>
        {
            var factory = sp.GetRequiredService<IModernGovClientFactory>();
            return new ModernGovCache(
                sp.GetRequiredService<HybridCache>(),
                factory.GetClient,
                sp.GetRequiredService<IOptions<ModernGovCacheOptions>>().Value,
                sp.GetService<ILogger<ModernGovCache>>(),
                sp.GetService<TimeProvider>());
        });
        return services;
    }
}
