using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>One entry of the spec's error body: <c>[{"code":400,"description":"…"}]</c> or <c>&lt;errors&gt;&lt;error&gt;…</c>.</summary>
/// <param name="Code">The <c>code</c> as sent (usually the HTTP status), or null.</param>
/// <param name="Description">The <c>description</c>: the server's reason.</param>
public sealed record Open311Error([property: JsonPropertyName("code")] string? Code, [property: JsonPropertyName("description")] string Description);
