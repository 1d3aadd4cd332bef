namespace SpeedingReport.Delivery;

/// <summary>The kinds of <see cref="DeliveryOutcome"/>.</summary>
public enum DeliveryOutcomeKind
{
    Delivered,
    AwaitingId,
    Transient,
    Permanent,
}
