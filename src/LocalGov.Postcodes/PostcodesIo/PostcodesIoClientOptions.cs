namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>Settings for <see cref="PostcodesIoClient"/>. Bind from configuration (e.g. <c>"PostcodesIo"</c>) or set in code.</summary>
public sealed class PostcodesIoClientOptions
{
    /// <summary>The public service, <c>https://api.postcodes.io/</c>.</summary>
    public static readonly Uri PublicBaseAddress = new("https://api.postcodes.io/");

    /// <summary>The server to call; set it for a self-hosted postcodes.io (a path prefix such as <c>https://host/pc/</c> is kept).</summary>
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

    /// <summary>Postcodes or points per bulk request: 1–100 (postcodes.io's limit, default 100).</summary>
    public int BulkChunkSize { get; set; } = 100;

    /// <summary>Bulk requests in flight at once: 1–16 (default 4). Memory held is about this many chunks.</summary>
    public int MaxConcurrentBulkRequests { get; set; } = 4;

    /// <summary>Time allowed for one attempt of one request (DI registration only; default 10 seconds).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest response body read, in bytes (default 32 MiB; a bulk reverse geocode of 100 points with 100
    /// postcodes each is about 17 MB). A larger body raises <see cref="PostcodesInvalidResponseException"/> without
    /// being read further, so a broken or hostile server cannot exhaust memory.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// The longest <c>Retry-After</c> the standard resilience handler waits before retrying (DI registration only;
    /// default 30 seconds, at most 10 minutes). A server asking for longer (say, until 2099) is not retried: the call
    /// fails at once with <see cref="PostcodesRateLimitedException"/>, whose <c>RetryAfter</c> says what it asked.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
