using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeedingReport.Contacts;

namespace SpeedingReport.Delivery.Open311;

public static class Open311DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>open311</c> delivery channel: the endpoints named in the contact directory (keys from
    /// <c>SpeedingReport:Open311:&lt;name&gt;:ApiKey</c>) and one HTTP client with Open311's resilience rules.
    /// </summary>
    public static IServiceCollection AddOpen311Delivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHttpClient(Open311DeliveryChannel.HttpClientName).AddOpen311Resilience();
        services.TryAddSingleton(sp => new Open311Endpoints(sp.GetRequiredService<ContactDirectory>(), configuration));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryChannel, Open311DeliveryChannel>(sp => new Open311DeliveryChannel(
            sp.GetRequiredService<Open311Endpoints>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<ILogger<Open311DeliveryChannel>>(),
            sp.GetService<TimeProvider>())));
        return services;
    }
}
