using LocalGov.Cli.Infrastructure;
using LocalGov.Postcodes.MapIt;
using LocalGov.Postcodes.PostcodesIo;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Cli.Postcodes;

/// <summary>Builds the clients the way an application would (DI, resilience), for one command invocation.</summary>
internal static class PostcodesCliClients
{
    public static ServiceProvider Create(string? postcodesUrl = null, string? mapItUrl = null, string? mapItKey = null)
    {
        var services = new ServiceCollection();
        services.AddPostcodesIoClient(o => o.BaseAddress = ParseUrl(postcodesUrl) ?? PostcodesIoClientOptions.PublicBaseAddress);
        services.AddMapItClient(o =>
        {
            o.BaseAddress = ParseUrl(mapItUrl) ?? MapItClientOptions.PublicBaseAddress;
            o.ApiKey = string.IsNullOrWhiteSpace(mapItKey) ? null : mapItKey;
        });
        return services.BuildServiceProvider();
    }

    private static Uri? ParseUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliUsageException($"--url must be an absolute http(s) URL, not '{url}'.");
    }
}
