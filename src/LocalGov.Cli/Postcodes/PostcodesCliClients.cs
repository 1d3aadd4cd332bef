using LocalGov.Cli.Infrastructure;
using LocalGov.Postcodes.MapIt;
using LocalGov.Postcodes.PostcodesIo;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Cli.Postcodes;

/// <summary>Builds the clients the way an application would (DI, resilience), for one command invocation.</summary>
internal static class PostcodesCliClients
{
    public static ServiceProvider Create(string? postcodesUrl = null, string? mapItUrl = null, string? mapItKey = null, string? userAgent = null)
    {
        var agent = CheckUserAgent(userAgent);
        var services = new ServiceCollection();
        services.AddPostcodesIoClient(o =>
        {
            o.BaseAddress = ParseUrl(postcodesUrl) ?? PostcodesIoClientOptions.PublicBaseAddress;
            o.UserAgent = agent ?? PostcodesIoClientOptions.DefaultUserAgent;
        });
        services.AddMapItClient(o =>
        {
            o.BaseAddress = ParseUrl(mapItUrl) ?? MapItClientOptions.PublicBaseAddress;
            o.ApiKey = string.IsNullOrWhiteSpace(mapItKey) ? null : mapItKey;
            o.UserAgent = agent ?? MapItClientOptions.DefaultUserAgent;
        });
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Refuses a <c>--user-agent</c> the clients would refuse, naming the flag (the options' own message names the setting);
    /// a CR or LF is never sent.
    /// </summary>
    private static string? CheckUserAgent(string? userAgent)
    {
        if (userAgent is null)
        {
            return null;
        }

        var visible = string.Concat(userAgent.Take(80).Select(c => char.IsControl(c) || c > '\u007E' ? $"\\u{(int)c:X4}" : c.ToString()));
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            throw new CliUsageException("--user-agent must not be empty.");
        }

        if (userAgent.Any(char.IsControl))
        {
            throw new CliUsageException($"--user-agent must not hold control characters (such as CR or LF); got \"{visible}\".");
        }

        if (userAgent.Any(c => c > '\u007E'))
        {
            throw new CliUsageException($"--user-agent must be printable ASCII; got \"{visible}\".");
        }

        return userAgent.Length > 512 ? throw new CliUsageException($"--user-agent must be at most 512 characters, not {userAgent.Length}.") : userAgent;
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
