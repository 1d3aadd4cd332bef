using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>The answer of <c>GET tokens/{token}</c>.</summary>
public sealed record Open311TokenResult
{
    /// <summary>The token asked about.</summary>
    [JsonPropertyName("token")]
    public required string Token { get; init; }

    /// <summary>The <c>service_request_id</c>, or null while the server has not made the request yet (ask again later).</summary>
    [JsonPropertyName("service_request_id")]
    public string? ServiceRequestId { get; init; }
}
