using SpeedingReport.Delivery;

namespace SpeedingReport.Staff.Attention;

/// <summary>The summary in the demo: kept in the demo outbox (<c>/demo/outbox</c>), once per period, like every other demo email.</summary>
internal sealed class DemoOutboxAttentionSummarySender(DemoOutboxChannel outbox) : IAttentionSummarySender
{
    /// <summary>What the outbox shows as the reference: the summary is about many reports, not one.</summary>
    internal const string OutboxReference = "Staff summary";

    public Task<DeliveryOutcome> SendAsync(Guid messageId, string emailAddress, AttentionSummaryMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return outbox.StoreAsync(messageId, OutboxReference, emailAddress, message.Subject, message.Body, cancellationToken);
    }
}
