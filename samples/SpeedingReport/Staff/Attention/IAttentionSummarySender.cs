using SpeedingReport.Delivery;

namespace SpeedingReport.Staff.Attention;

/// <summary>Sends the summary the way the app sends everything else: GOV.UK Notify when live, the demo outbox in the demo.</summary>
public interface IAttentionSummarySender
{
    /// <summary>Sends once; <paramref name="messageId"/> goes with it (Notify's reference) so a repeat can be traced. Failures are outcomes.</summary>
    Task<DeliveryOutcome> SendAsync(Guid messageId, string emailAddress, AttentionSummaryMessage message, CancellationToken cancellationToken);
}
