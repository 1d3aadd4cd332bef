namespace LocalGov.Open311;

/// <summary>Settings for <see cref="Open311Client"/>. Bind from configuration (e.g. <c>"Open311"</c>) or set in code.</summary>
public sealed class Open311ClientOptions
{
    /// <summary>The endpoint's base, e.g. <c>https://example.gov.uk/open311/v2/</c>; resources (<c>services.json</c>, …) are resolved under it (a missing trailing slash is added).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The response format: <see cref="Open311Format.Json"/> (default) or <see cref="Open311Format.Xml"/>; servers differ in which they offer.</summary>
    public Open311Format Format { get; set; } = Open311Format.Json;

    /// <summary>The key the council issued, sent as <c>api_key</c> with <c>POST requests</c> (required for submitting; never put in a URL or an exception).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The <c>jurisdiction_id</c> sent on every call, for endpoints that serve several jurisdictions; null to send none.</summary>
    public string? JurisdictionId { get; set; }

    /// <summary>Time allowed for one attempt of one request (default 30 seconds; case systems behind Open311 can be slow to create a case).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest response body read, in bytes (default 16 MiB: a <c>GET requests</c> answer of the spec's 1,000 requests is about 1 MB).
    /// A larger body raises <see cref="Open311InvalidResponseException"/> without being read further.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>How values of a multi-value attribute are written in a submission (default <see cref="Open311MultiValueStyle.RepeatedKey"/>).</summary>
    public Open311MultiValueStyle MultiValueStyle { get; set; } = Open311MultiValueStyle.RepeatedKey;
}
