namespace LocalGov.Open311;

/// <summary>The answer of <c>GET tokens/{token}</c>.</summary>
public sealed record Open311TokenResult
{
    /// <summary>The token asked about.</summary>
    public required string Token { get; init; }

    /// <summary>The <c>service_request_id</c>, or null while the server has not made the request yet (ask again later).</summary>
    public string? ServiceRequestId { get; init; }
}
