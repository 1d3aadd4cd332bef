using LocalGov.ModernGov;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Modern.Gov councils: named options, a named HttpClient with the standard resilience handler per council, and <see cref="IModernGovClientFactory"/>.</summary>
public static class ModernGovServiceCollectionExtensions
{
    /// <summary>Registers one council configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="councilName">The name to ask <see cref="IModernGovClientFactory"/> for.</param>
    /// <param name="configure">Sets the council's options (at least <see cref="ModernGovCouncilOptions.BaseUrl"/>).</param>
    /// <returns>The council's HttpClient builder, to chain more handlers (a TLS policy, a proxy) onto.</returns>
    public static IHttpClientBuilder AddModernGov(this IServiceCollection services, string councilName, Action<ModernGovCouncilOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, councilName, builder => builder.Configure(configure));
    }

    /// <summary>Registers one council configured from a configuration section (keys named after <see cref="ModernGovCouncilOptions"/> properties).</summary>
    /// <param name="services">The services.</param>
    /// <param name="councilName">The name to ask <see cref="IModernGovClientFactory"/> for.</param>
    /// <param name="section">The section, such as <c>ModernGov:Councils:Manchester</c>.</param>
    /// <returns>The council's HttpClient builder.</returns>
    public static IHttpClientBuilder AddModernGov(this IServiceCollection services, string councilName, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(services, councilName, builder => builder.Bind(section));
    }

    /// <summary>Registers every council under <paramref name="councils"/>: each child section is one council, named by its key.</summary>
    /// <param name="services">The services.</param>
    /// <param name="councils">The parent section, such as <c>ModernGov:Councils</c>.</param>
    /// <param name="configureClient">Called with each council's name and HttpClient builder, to chain handlers.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddModernGov(this IServiceCollection services, IConfigurationSection councils, Action<string, IHttpClientBuilder>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(councils);
        foreach (var council in councils.GetChildren())
        {
            var builder = services.AddModernGov(council.Key, council);
            configureClient?.Invoke(council.Key, builder);
        }

        AddCore(services);
        return services;
    }

    /// <summary>Registers councils read from a registry (<see cref="ModernGovCouncilRegistry"/>), each named by its <see cref="ModernGovCouncil.Code"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="councils">The councils (filter with <see cref="ModernGovCouncil.IsCurrent"/> first, as needed).</param>
    /// <param name="configure">Called for each council after its base URL is set, to change other options.</param>
    /// <param name="configureClient">Called with each council's name and HttpClient builder, to chain handlers.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddModernGov(this IServiceCollection services, IEnumerable<ModernGovCouncil> councils, Action<ModernGovCouncil, ModernGovCouncilOptions>? configure = null, Action<string, IHttpClientBuilder>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(councils);
        foreach (var council in councils)
        {
            var builder = services.AddModernGov(council.Code, options =>
            {
                options.BaseUrl = council.BaseUrl;
                configure?.Invoke(council, options);
            });
            configureClient?.Invoke(council.Code, builder);
        }

        AddCore(services);
        return services;
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string councilName, Action<OptionsBuilder<ModernGovCouncilOptions>> bind)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(councilName);
        AddCore(services);
        bind(services.AddOptionsWithValidateOnStart<ModernGovCouncilOptions>(councilName));
        services.Configure<ModernGovRegistrations>(r => r.Names.Add(councilName));

        var clientName = ModernGovClientFactory.HttpClientName(councilName);
        var builder = services.AddHttpClient(clientName, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<ModernGovCouncilOptions>>().Get(councilName);
            client.BaseAddress = ModernGovBaseUrl.Normalise(options.BaseUrl!);
            client.DefaultRequestHeaders.Remove("User-Agent");
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
            // The resilience pipeline owns timeouts (total and per attempt).
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        // Redirects are followed, and checked, by the redirect handler inside the pipeline (so each attempt's hops share
        // its timeout); the sending handler must not follow them itself.
        builder.ConfigurePrimaryHttpMessageHandler((handler, _) => ModernGovRedirectHandler.DisableAutomaticRedirects(handler));

        // One pipeline per council's client, so each council has its own circuit breaker.
        builder.AddStandardResilienceHandler().Configure((resilience, provider) =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<ModernGovCouncilOptions>>().Get(councilName);
            ModernGovResilience.ApplyDefaults(resilience, options, councilName, provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("LocalGov.ModernGov"));
        });
        builder.AddHttpMessageHandler(provider => new ModernGovRedirectHandler(provider.GetRequiredService<IOptionsMonitor<ModernGovCouncilOptions>>().Get(councilName)));
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.TryAddSingleton<IModernGovClientFactory, ModernGovClientFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModernGovCouncilOptions>, ModernGovCouncilOptionsValidator>());
    }
}
