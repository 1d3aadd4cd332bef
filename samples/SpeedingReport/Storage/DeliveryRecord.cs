using SpeedingReport.Delivery;

namespace SpeedingReport.Storage;

/// <summary>One message to send for a report (the report to the body, or the resident's confirmation), with its state and lease.</summary>
public sealed class DeliveryRecord
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public ReportRecord? Report { get; set; }

    public DeliveryKind Kind { get; set; }

    /// <summary>The <see cref="IDeliveryChannel.Name"/> chosen at submit ("email", later "open311").</summary>
    public string Channel { get; set; } = "";

    public string RecipientAddress { get; set; } = "";

    public DeliveryStatus Status { get; set; }

    public int AttemptCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not to be tried before this (the backoff, a server's Retry-After, or the token follow-up interval).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The worker run holding the lease, if any.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When the lease lapses: after this another worker may claim the delivery (a worker that died mid-send).</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>The token an Open311 server gave instead of an id, to follow up.</summary>
    public string? PendingToken { get; set; }

    /// <summary>The remote system's id once delivered (Notify's notification id, Open311's service_request_id).</summary>
    public string? RemoteId { get; set; }

    /// <summary>The reason of the last failure (kept after a later success, for staff).</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public List<DeliveryAttemptRecord> Attempts { get; set; } = [];
}
