using SpeedingReport.Delivery;

namespace SpeedingReport.Storage;

/// <summary>One call of a channel for a delivery, and what it came to.</summary>
public sealed class DeliveryAttemptRecord
{
    public Guid Id { get; set; }

    public Guid DeliveryId { get; set; }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public DeliveryOutcomeKind Outcome { get; set; }

    public string? Detail { get; set; }

    public string? RemoteId { get; set; }

    /// <summary>The worker run that made the attempt.</summary>
    public string Worker { get; set; } = "";
}
