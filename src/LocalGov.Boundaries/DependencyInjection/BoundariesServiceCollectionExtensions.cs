using LocalGov.Boundaries;
using LocalGov.Boundaries.ArcGis;
using LocalGov.Postcodes.Grid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LocalGov.Boundaries' <see cref="ArcGisFeatureServiceClient"/> and <see cref="ParishResolver"/>.</summary>
public static class BoundariesServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ArcGisFeatureServiceClient"/> with validated options, IHttpClientFactory and the standard resilience handler.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to chain more configuration.</returns>
    public static IHttpClientBuilder AddLocalGovBoundaries(this IServiceCollection services, Action<ArcGisFeatureServiceClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptionsWithValidateOnStart<ArcGisFeatureServiceClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddClient(services);
    }

    /// <summary>Registers <see cref="ArcGisFeatureServiceClient"/> with options bound from configuration.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section, for example <c>LocalGov:Boundaries</c>.</param>
    /// <returns>The HTTP client builder, to chain more configuration.</returns>
    public static IHttpClientBuilder AddLocalGovBoundaries(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptionsWithValidateOnStart<ArcGisFeatureServiceClientOptions>().Bind(section);
        return AddClient(services);
    }

    /// <summary>
    /// Registers a singleton <see cref="ParishResolver"/> from a saved index or from boundary files, with the source
    /// validated at start-up (the files must exist). The resolver is loaded, or built, the first time it is asked for:
    /// ask for it once at start-up (<c>app.Services.GetRequiredService&lt;ParishResolver&gt;()</c>) so that the first
    /// request does not wait. Queries in the other CRS are converted with OSTN15 when
    /// <see cref="ParishResolverSourceOptions.Ostn15Directory"/> is set, else with the Helmert conversion. Resolving it
    /// raises <see cref="BoundaryFileException"/> for a boundary file that cannot be read and <see cref="BoundaryCrsException"/>
    /// for a grid folder that holds no usable grid.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the source.</param>
    /// <returns>The services, to chain more registrations.</returns>
    public static IServiceCollection AddParishResolver(this IServiceCollection services, Action<ParishResolverSourceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptionsWithValidateOnStart<ParishResolverSourceOptions>().Configure(configure);
        return AddResolver(services);
    }

    /// <summary>Registers a singleton <see cref="ParishResolver"/> with its source bound from configuration (see the other overload).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section, for example <c>LocalGov:Parishes</c>, holding <c>IndexPath</c> or <c>ParishBoundaries</c> (and <c>DistrictBoundaries</c>).</param>
    /// <returns>The services, to chain more registrations.</returns>
    public static IServiceCollection AddParishResolver(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptionsWithValidateOnStart<ParishResolverSourceOptions>().Bind(section);
        return AddResolver(services);
    }

    private static IServiceCollection AddResolver(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ParishResolverSourceOptions>, ParishResolverSourceOptionsValidator>());
        services.TryAddSingleton(provider => CreateLogged(provider));
        return services;
    }

    private static ParishResolver CreateLogged(IServiceProvider provider)
    {
        var source = provider.GetRequiredService<IOptions<ParishResolverSourceOptions>>().Value;
        var logger = provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("LocalGov.Boundaries")
            ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var resolver = CreateResolver(source, logger);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information))
            {
                return resolver;
            }

            var loaded = !string.IsNullOrWhiteSpace(source.IndexPath);
            var file = Path.GetFileName(loaded ? source.IndexPath : source.ParishBoundaries) ?? string.Empty;
            var areas = resolver.Areas.Count;
            if (loaded)
            {
                BoundariesLog.IndexLoaded(logger, file, areas, elapsed);
            }
            else
            {
                BoundariesLog.IndexBuilt(logger, file, areas, elapsed);
            }

            return resolver;
        }
        catch (BoundariesException ex)
        {
            BoundariesLog.IndexFailed(logger, ex.GetType().Name, ex);
            throw;
        }
    }

    private static ParishResolver CreateResolver(ParishResolverSourceOptions source, Microsoft.Extensions.Logging.ILogger logger)
    {
        IGridConverter converter = string.IsNullOrWhiteSpace(source.Ostn15Directory) ? new HelmertGridConverter() : LoadOstn15(source.Ostn15Directory);
        var options = new ParishResolverOptions { GridConverter = converter };
        if (!string.IsNullOrWhiteSpace(source.IndexPath))
        {
            return ParishResolver.Load(source.IndexPath, options);
        }

        var parishes = BoundaryLoader.Load(source.ParishBoundaries!, source.ParishLoadOptions);
        var districts = string.IsNullOrWhiteSpace(source.DistrictBoundaries) ? null : BoundaryLoader.Load(source.DistrictBoundaries, source.DistrictLoadOptions);
        BoundarySet[] sets = districts is null ? [parishes] : [parishes, districts];
        foreach (var set in sets)
        {
            if (set.Report.Repairs.Count + set.Report.Skips.Count > 0 && logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Warning))
            {
                var file = Path.GetFileName(set.Report.Source);
                var repairs = set.Report.Repairs.Count;
                var skips = set.Report.Skips.Count;
                BoundariesLog.Repairs(logger, file, repairs, skips);
            }
        }
        return ParishResolver.Build(parishes, districts, options);
    }

    /// <summary>The grid, with a folder that exists but does not hold it reported as this package's error.</summary>
    private static Ostn15GridConverter LoadOstn15(string directory)
    {
        try
        {
            return Ostn15GridConverter.Load(directory);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw new BoundaryCrsException($"Ostn15Directory '{directory}' does not hold a usable OSTN15 grid: {ex.Message}", ex);
        }
    }

    private static IHttpClientBuilder AddClient(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ArcGisFeatureServiceClientOptions>, ArcGisFeatureServiceClientOptionsValidator>();
        var builder = services.AddHttpClient<ArcGisFeatureServiceClient>();
        builder.AddStandardResilienceHandler();
        return builder;
    }
}
