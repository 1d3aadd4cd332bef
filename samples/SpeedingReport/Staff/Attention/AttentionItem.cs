using SpeedingReport.Delivery;
using SpeedingReport.Storage;

namespace SpeedingReport.Staff.Attention;

/// <summary>A delivery that failed, or is stuck past <see cref="AttentionOptions.StuckAfter"/>, as staff see it.</summary>
/// <param name="DeliveryId">The delivery.</param>
/// <param name="Reference">Its report's reference.</param>
/// <param name="Kind">The report to the body, or the resident's confirmation.</param>
/// <param name="BodyName">The body the report is for (never the resident's address).</param>
/// <param name="Status">Failed, or still Pending / AwaitingId.</param>
/// <param name="AttemptCount">Attempts made so far.</param>
/// <param name="CreatedAt">When the delivery was made, with its report.</param>
/// <param name="Age">How long ago that was.</param>
/// <param name="LastError">The reason of the last failure, if any.</param>
public sealed record AttentionItem(
    Guid DeliveryId,
    string Reference,
    DeliveryKind Kind,
    string BodyName,
    DeliveryStatus Status,
    int AttemptCount,
    DateTimeOffset CreatedAt,
    TimeSpan Age,
    string? LastError)
{
    public bool Failed => Status == DeliveryStatus.Failed;
}
