namespace SpeedingReport.Delivery;

/// <summary>
/// One way of sending a stored report to a recipient (GOV.UK Notify email, Open311, the demo outbox). The delivery worker
/// picks the channel whose <see cref="Name"/> is on the delivery, calls it, and records the outcome as an attempt.
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>Stored on each delivery: "email", "open311", …</summary>
    string Name { get; }

    /// <summary>Sends once. Never throws for a failure of the remote service: that is an outcome to record.</summary>
    Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken);
}
