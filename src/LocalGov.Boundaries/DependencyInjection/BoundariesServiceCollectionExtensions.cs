using LocalGov.Boundaries;
using LocalGov.Boundaries.ArcGis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LocalGov.Boundaries' <see cref="ArcGisFeatureServiceClient"/>.</summary>
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

    private static IHttpClientBuilder AddClient(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ArcGisFeatureServiceClientOptions>, ArcGisFeatureServiceClientOptionsValidator>();
        var builder = services.AddHttpClient<ArcGisFeatureServiceClient>();
        builder.AddStandardResilienceHandler();
        return builder;
    }
}
