namespace LocalGov.Postcodes.MapIt;

/// <summary>Settings for <see cref="MapItClient"/>. Bind from configuration (e.g. <c>"MapIt"</c>) or set in code.</summary>
public sealed class MapItClientOptions
{
    /// <summary>mySociety's service, <c>https://mapit.mysociety.org/</c>.</summary>
    public static readonly Uri PublicBaseAddress = new("https://mapit.mysociety.org/");

    /// <summary>The server to call (e.g. a self-hosted MapIt).</summary>
    public Uri BaseAddress { get; set; } = PublicBaseAddress;

    /// <summary>The User-Agent sent when none is configured: descriptive, so a service's operators can see who is calling.</summary>
    public const string DefaultUserAgent = "LocalGov.Postcodes/0.1 (+https://github.com/localgov-sdk/localgov-sdk; UK council open-data client)";

    /// <summary>
    /// The <c>User-Agent</c> header sent on every request (default <see cref="DefaultUserAgent"/>; set one naming your
    /// service and a contact). Printable ASCII, at most 512 characters, and never a CR, LF or other control character,
    /// which would split the request's headers: such a value is refused when the options are validated (at start with DI,
    /// in the constructor without). An <see cref="HttpClient"/> that already carries a User-Agent keeps its own.
    /// </summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>API key, sent in the <c>X-Api-Key</c> header (never in the URL). Anonymous use is limited to 50 calls a day.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time allowed for one attempt of one request (DI registration only; default 10 seconds).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest response body read, in bytes (default 64 MiB: the full-resolution geometry of a large area is
    /// several megabytes). A larger body raises <see cref="PostcodesInvalidResponseException"/> without being read further.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The longest <c>Retry-After</c> the standard resilience handler waits before retrying (DI registration only;
    /// default 30 seconds, at most 10 minutes). A server asking for longer is not retried: the call fails at once
    /// with <see cref="PostcodesRateLimitedException"/>.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
