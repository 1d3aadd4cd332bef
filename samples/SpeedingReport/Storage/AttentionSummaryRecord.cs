namespace SpeedingReport.Storage;

/// <summary>
/// The email summary of deliveries that need attention for one period (e.g. one day from 08:00 UTC). The unique
/// <see cref="Period"/> lets only one instance claim a period; the lease lets another finish it if that one dies.
/// </summary>
public sealed class AttentionSummaryRecord
{
    /// <summary>Also the message's reference (Notify's <c>reference</c>, the demo outbox's message id), so a repeated send can be traced.</summary>
    public Guid Id { get; set; }

    /// <summary>The period's start in UTC, ISO 8601 (e.g. <c>2026-12-02T08:00Z</c>). Unique.</summary>
    public string Period { get; set; } = "";

    public AttentionSummaryOutcome Outcome { get; set; }

    public string? ClaimedBy { get; set; }

    /// <summary>While the claim holds; after it another instance may take the period over (a send that failed, or an instance that died).</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>How many deliveries the summary listed.</summary>
    public int DeliveryCount { get; set; }

    public int AttemptCount { get; set; }

    public string? RemoteId { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
