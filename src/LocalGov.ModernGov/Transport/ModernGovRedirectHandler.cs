using System.Net;

namespace LocalGov.ModernGov;

/// <summary>
/// Follows a council's redirects itself (the primary handler's automatic redirects are turned off), so each hop is
/// checked before it is fetched: only http and https, never from https down to http, at most
/// <see cref="ModernGovCouncilOptions.MaxRedirects"/> hops, and only on the same host and port (http's port 80 may
/// become https's 443) unless <see cref="ModernGovCouncilOptions.AllowRedirectsToOtherHosts"/> is set. A refused
/// redirect is a <see cref="ModernGovRedirectException"/> naming where it pointed; nothing there is requested.
/// </summary>
internal sealed class ModernGovRedirectHandler(int maxRedirects, bool allowOtherHosts) : DelegatingHandler
{
    public ModernGovRedirectHandler(ModernGovCouncilOptions options)
        : this(options.MaxRedirects, options.AllowRedirectsToOtherHosts)
    {
    }

    /// <summary>Turns off a standard sending handler's own redirects, which would skip every check here.</summary>
    public static void DisableAutomaticRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = request;
        for (var hops = 0; ; hops++)
        {
            var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location || current.RequestUri is not { } from)
            {
                return response;
            }

            var target = location.IsAbsoluteUri ? location : new Uri(from, location);
            var refusal = Refusal(from, target, hops);
            response.Dispose();
            if (refusal is not null)
            {
                throw new RedirectRefusedException(from, target, refusal);
            }

            // Every Modern.Gov call is a GET, so every kind of redirect is followed with a GET of the same headers.
            var next = new HttpRequestMessage(HttpMethod.Get, target) { Version = current.Version, VersionPolicy = current.VersionPolicy };
            foreach (var header in request.Headers)
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            foreach (var option in request.Options)
            {
                ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
            }

            if (!ReferenceEquals(current, request))
            {
                current.Dispose();
            }

            current = next;
        }
    }

    private string? Refusal(Uri from, Uri target, int hops)
    {
        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            return $"it points to a {target.Scheme}: URL, and only http and https are followed";
        }

        if (from.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
        {
            return "it would drop from https to http";
        }

        if (hops >= maxRedirects)
        {
            return maxRedirects == 0
                ? "redirects are not followed (MaxRedirects is 0)"
                : $"it is more than {maxRedirects} redirects (MaxRedirects)";
        }

        if (allowOtherHosts)
        {
            return null;
        }

        if (!string.Equals(from.IdnHost, target.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            return $"it leaves the council's host {from.Host} for {target.Host} (set AllowRedirectsToOtherHosts to follow it)";
        }

        var samePort = from.Port == target.Port || (from.IsDefaultPort && target.IsDefaultPort);
        return samePort ? null : $"it moves from port {from.Port} to port {target.Port} (set AllowRedirectsToOtherHosts to follow it)";
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.MultipleChoices;
}

/// <summary>Raised inside the handler chain; <see cref="ModernGovClient"/> turns it into <see cref="ModernGovRedirectException"/> with the call's context.</summary>
internal sealed class RedirectRefusedException(Uri from, Uri location, string reason)
    : Exception($"The server redirected {from} to {location}, which is not followed: {reason}")
{
    public Uri From { get; } = from;

    public Uri Location { get; } = location;

    public string Reason { get; } = reason;
}
