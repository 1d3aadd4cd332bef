namespace LocalGov.ModernGov;

/// <summary>Turns whatever URL a person pastes from a council's democracy pages into the base URL of its Modern.Gov install.</summary>
public static class ModernGovBaseUrl
{
    /// <summary>
    /// Normalises <paramref name="url"/>: query and fragment dropped; a trailing <c>mgWebService.asmx</c> (and any method
    /// after it) or page name (<c>*.aspx</c>, <c>*.asmx</c>, <c>*.htm(l)</c>) removed; repeated slashes collapsed; a trailing slash added.
    /// </summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <returns>The base URL, ending with a slash.</returns>
    /// <exception cref="ArgumentException">The URL is relative or not http/https.</exception>
    public static Uri Normalise(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The Modern.Gov base URL must be an absolute http or https URL; got '{url}'.", nameof(url));
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var service = segments.FindIndex(s => s.Equals("mgWebService.asmx", StringComparison.OrdinalIgnoreCase));
        if (service >= 0)
        {
            segments.RemoveRange(service, segments.Count - service);
        }
        else if (segments.Count > 0 && IsPageName(segments[^1]))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        var path = segments.Count == 0 ? "/" : "/" + string.Join('/', segments) + "/";
        var builder = new UriBuilder(url.Scheme, url.Host, url.Port, path);
        return builder.Uri;
    }

    /// <summary>Normalises a URL given as text; see <see cref="Normalise(Uri)"/>.</summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <returns>The base URL, ending with a slash.</returns>
    /// <exception cref="ArgumentException">The text is not an absolute http or https URL.</exception>
    public static Uri Normalise(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed))
        {
            throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
        }

        return Normalise(parsed);
    }

    private static bool IsPageName(string segment) =>
        segment.EndsWith(".aspx", StringComparison.OrdinalIgnoreCase)
        || segment.EndsWith(".asmx", StringComparison.OrdinalIgnoreCase)
        || segment.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || segment.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
}
