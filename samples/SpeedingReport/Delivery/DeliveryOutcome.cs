namespace SpeedingReport.Delivery;

/// <summary>What one attempt at a delivery came to.</summary>
public sealed record DeliveryOutcome
{
    private DeliveryOutcome(DeliveryOutcomeKind kind, string? detail, string? remoteId, TimeSpan? retryAfter)
    {
        Kind = kind;
        Detail = detail;
        RemoteId = remoteId;
        RetryAfter = retryAfter;
    }

    public DeliveryOutcomeKind Kind { get; }

    /// <summary>The reason for a failure, or a note on success; shown to staff.</summary>
    public string? Detail { get; }

    /// <summary>What the remote system calls it: Notify's notification id, Open311's service_request_id, or the token to follow up.</summary>
    public string? RemoteId { get; }

    /// <summary>For a transient failure, how long the server asked us to wait (429 Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    public static DeliveryOutcome Delivered(string? remoteId, string? detail = null) => new(DeliveryOutcomeKind.Delivered, detail, remoteId, null);

    /// <summary>Accepted, but the remote system gave a token to follow up for its id later (Open311); <paramref name="detail"/> notes why there is no id yet.</summary>
    public static DeliveryOutcome AwaitingId(string token, string? detail = null) => new(DeliveryOutcomeKind.AwaitingId, detail, token, null);

    /// <summary>Worth trying again later (5xx, 429, a timeout, the network).</summary>
    public static DeliveryOutcome Transient(string reason, TimeSpan? retryAfter = null) => new(DeliveryOutcomeKind.Transient, reason, null, retryAfter);

    /// <summary>Trying again will not help (an invalid address, a rejected key, a 400): stop and show staff.</summary>
    public static DeliveryOutcome Permanent(string reason) => new(DeliveryOutcomeKind.Permanent, reason, null, null);
}
