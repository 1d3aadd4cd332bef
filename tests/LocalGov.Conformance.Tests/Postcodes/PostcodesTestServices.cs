using LocalGov.Postcodes.MapIt;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Conformance.Tests.Postcodes;

internal static class PostcodesTestServices
{
    /// <summary>The production registration pointed at a loopback server, with retries shortened so replays stay fast.</summary>
    public static ServiceProvider AddPostcodesIoClientFor(this IServiceCollection services, Uri baseAddress)
    {
        services.AddPostcodesIoClient(o => o.BaseAddress = baseAddress, FastRetries);
        return services.BuildServiceProvider();
    }

    public static ServiceProvider AddMapItClientFor(this IServiceCollection services, Uri baseAddress, string? apiKey = null)
    {
        services.AddMapItClient(
            (MapItClientOptions o) =>
            {
                o.BaseAddress = baseAddress;
                o.ApiKey = apiKey;
            },
            FastRetries);
        return services.BuildServiceProvider();
    }

    private static void FastRetries(Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions resilience)
    {
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(1);
        resilience.Retry.UseJitter = false;
    }
}
