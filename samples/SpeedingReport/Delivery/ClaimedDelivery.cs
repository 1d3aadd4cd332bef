using SpeedingReport.Storage;

namespace SpeedingReport.Delivery;

/// <summary>A delivery this worker run holds the lease on, with its report.</summary>
/// <param name="Delivery">The delivery as claimed (its report loaded).</param>
/// <param name="Claim">The claim token written to <see cref="DeliveryRecord.ClaimedBy"/>; the outcome is written only while it is still ours.</param>
public sealed record ClaimedDelivery(DeliveryRecord Delivery, string Claim);
