using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>
/// The answer of <c>POST requests</c>: the <see cref="ServiceRequestId"/> (realtime services) or a <see cref="Token"/>
/// to follow up with <see cref="Open311Client.GetRequestIdFromTokenAsync"/> (batch services); neither for blackbox ones.
/// </summary>
public sealed record Open311SubmitResult
{
    /// <summary>The <c>service_request_id</c>, or null when the server answered a token or nothing.</summary>
    [JsonPropertyName("service_request_id")]
    public string? ServiceRequestId { get; init; }

    /// <summary>The <c>token</c>, or null.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    /// <summary>The <c>service_notice</c>: what the council will do, or null.</summary>
    [JsonPropertyName("service_notice")]
    public string? ServiceNotice { get; init; }

    /// <summary>The <c>account_id</c>, or null.</summary>
    [JsonPropertyName("account_id")]
    public string? AccountId { get; init; }
}
