using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace LocalGov.Postcodes.Internal;

/// <summary>What both clients need to stand up: base address handling, options checks and the Refit stub.</summary>
internal static class ClientPlumbing
{
    public static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    public static void CheckBaseAddress(Uri? baseAddress, string setting, List<string> failures)
    {
        if (baseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{setting} must be an absolute http(s) URL, not '{baseAddress}'.");
        }
    }

    public static void CheckAttemptTimeout(TimeSpan timeout, string setting, List<string> failures)
    {
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{setting} must be more than zero and at most 5 minutes, not {timeout}.");
        }
    }

    public static void CheckMaxRetryAfter(TimeSpan wait, string setting, List<string> failures)
    {
        if (wait < TimeSpan.Zero || wait > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{setting} must be between zero and 10 minutes, not {wait}.");
        }
    }

    /// <summary>Refuses header values that could split a request (CR, LF or any other control character).</summary>
    public static void CheckHeaderValue(string? value, string setting, List<string> failures)
    {
        if (value is not null && value.Any(char.IsControl))
        {
            failures.Add($"{setting} must not contain control characters such as CR or LF (they would split the request's headers).");
        }
    }

    public static void CheckMaxResponseBytes(long maxBytes, string setting, List<string> failures)
    {
        // Below 64 KiB even an ordinary error page could not be read; above 1 GiB the cap protects nothing.
        if (maxBytes is < 64 * 1024 or > 1024L * 1024 * 1024)
        {
            failures.Add($"{setting} must be between 65536 (64 KiB) and 1073741824 (1 GiB), not {maxBytes}.");
        }
    }

    /// <summary>The Refit implementation of <typeparamref name="TApi"/> over <paramref name="httpClient"/>, serialising with the source-generated context.</summary>
    public static TApi CreateApi<TApi>(HttpClient httpClient, JsonSerializerContext json) =>
        RestService.For<TApi>(httpClient, new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions { TypeInfoResolver = json }),
        });
}
