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

    /// <summary>Refuses a User-Agent that is empty, over 512 characters, or holds anything but printable ASCII (a CR or LF would split the headers).</summary>
    public static void CheckUserAgent(string? userAgent, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            failures.Add($"{setting} must not be empty (say who is calling, e.g. \"MyCouncilApp/1.0 (+https://example.gov.uk/contact)\").");
        }
        else if (userAgent.Any(char.IsControl))
        {
            failures.Add($"{setting} must not contain control characters such as CR or LF (they would split the request's headers); got \"{Visible(userAgent)}\".");
        }
        else if (userAgent.Any(c => c > '\u007E'))
        {
            failures.Add($"{setting} must be printable ASCII (HTTP headers carry no other characters); got \"{Visible(userAgent)}\".");
        }
        else if (userAgent.Length > 512)
        {
            failures.Add($"{setting} must be at most 512 characters, not {userAgent.Length}.");
        }
    }

    /// <summary>Sets the User-Agent on every request of <paramref name="httpClient"/>, unless the caller's client already has one.</summary>
    public static void ApplyUserAgent(HttpClient httpClient, string userAgent)
    {
        if (!httpClient.DefaultRequestHeaders.Contains("User-Agent"))
        {
            // Validated already; TryAddWithoutValidation keeps a value such as "name (comment; more)" exactly as given.
            httpClient.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }
    }

    // Shows control characters as \uXXXX, so the message itself carries no line break.
    private static string Visible(string text) =>
        string.Concat(text.Take(80).Select(c => char.IsControl(c) || c > '\u007E' ? $"\\u{(int)c:X4}" : c.ToString()));

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
