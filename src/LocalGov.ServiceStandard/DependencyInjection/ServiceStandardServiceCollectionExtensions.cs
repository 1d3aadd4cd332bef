using LocalGov.ServiceStandard;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.DependencyInjection;
using LocalGov.ServiceStandard.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the service-standard catalogue and outcome schemes.</summary>
public static class ServiceStandardServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="StandardCatalog"/> (the built-in catalogue plus any standards in
    /// <see cref="ServiceStandardOptions.AdditionalStandardsFolder"/>) and a singleton <see cref="OutcomeSchemeRegistry"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, or null for the built-in catalogue only.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddLocalGovServiceStandard(this IServiceCollection services, Action<ServiceStandardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptionsWithValidateOnStart<ServiceStandardOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return AddCore(services);
    }

    /// <summary>Registers the catalogue and schemes with options bound from <paramref name="section"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">A configuration section such as <c>LocalGov:ServiceStandard</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddLocalGovServiceStandard(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptionsWithValidateOnStart<ServiceStandardOptions>().Configure(options =>
            options.AdditionalStandardsFolder = section[nameof(ServiceStandardOptions.AdditionalStandardsFolder)] ?? options.AdditionalStandardsFolder);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceStandardOptions>, ServiceStandardOptionsValidator>());
        services.TryAddSingleton(OutcomeSchemeRegistry.CreateDefault());
        services.TryAddSingleton(provider => LoadCatalog(provider.GetRequiredService<IOptions<ServiceStandardOptions>>().Value));
        return services;
    }

    private static StandardCatalog LoadCatalog(ServiceStandardOptions options)
    {
        var catalog = StandardCatalog.LoadBuiltIn();
        if (options.AdditionalStandardsFolder is null)
        {
            return catalog;
        }

        foreach (var file in Directory.EnumerateFiles(options.AdditionalStandardsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            catalog = catalog.With(ServiceStandardJson.DeserializeStandard(File.ReadAllText(file), file));
        }

        return catalog;
    }
}
