using SpeedingReport.Delivery;
using SpeedingReport.Staff.Attention;

namespace LocalGov.Samples.Tests.SpeedingReport.Staff;

/// <summary>Records each summary handed to it and answers as scripted (then Delivered): the boundary to Notify or the outbox.</summary>
internal sealed class RecordingSummarySender(params DeliveryOutcome[] script) : IAttentionSummarySender
{
    private readonly Queue<DeliveryOutcome> _script = new(script);
    private readonly Lock _lock = new();
    private readonly List<(Guid Id, string To, AttentionSummaryMessage Message)> _sent = [];

    public IReadOnlyList<(Guid Id, string To, AttentionSummaryMessage Message)> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    public async Task<DeliveryOutcome> SendAsync(Guid messageId, string emailAddress, AttentionSummaryMessage message, CancellationToken cancellationToken)
    {
        // A send takes a moment, so two instances racing for a period really overlap.
        await Task.Delay(20, cancellationToken);
        lock (_lock)
        {
            _sent.Add((messageId, emailAddress, message));
            return _script.TryDequeue(out var outcome) ? outcome : DeliveryOutcome.Delivered("summary-" + messageId);
        }
    }
}
