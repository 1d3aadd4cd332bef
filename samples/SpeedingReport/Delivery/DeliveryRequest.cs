using SpeedingReport.Reports;

namespace SpeedingReport.Delivery;

/// <summary>One delivery to make: the stored report, who it goes to, and where the channel left off last time.</summary>
/// <param name="DeliveryId">The delivery's id; channels pass it on as the remote reference (Notify's <c>reference</c>) so duplicates can be traced.</param>
/// <param name="Reference">The report's reference, in every message.</param>
/// <param name="Kind">Whether this goes to the responsible body or is the resident's confirmation.</param>
/// <param name="RecipientAddress">The email address, or the channel's endpoint name, it goes to.</param>
/// <param name="Report">The report as submitted.</param>
/// <param name="ReceivedAt">When the report was stored.</param>
/// <param name="PendingToken">A token an earlier attempt got back instead of an id (Open311), to follow up; else null.</param>
public sealed record DeliveryRequest(
    Guid DeliveryId,
    string Reference,
    DeliveryKind Kind,
    string RecipientAddress,
    ReportSubmission Report,
    DateTimeOffset ReceivedAt,
    string? PendingToken);
