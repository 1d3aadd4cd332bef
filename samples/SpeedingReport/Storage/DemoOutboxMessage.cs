namespace SpeedingReport.Storage;

/// <summary>A message the demo would have emailed, kept for <c>/demo/outbox</c>.</summary>
public sealed class DemoOutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Unique: a delivery retried after a lapsed lease is stored once (as Notify's reference lets duplicates be traced).</summary>
    public Guid DeliveryId { get; set; }

    public string Reference { get; set; } = "";

    public string Recipient { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
