namespace SpeedingReport.Storage;

/// <summary>A stored report. The columns are what staff search and sort by; the whole submission is kept as JSON.</summary>
public sealed class ReportRecord
{
    public Guid Id { get; set; }

    /// <summary>The journey's idempotency key (unique): a second submit of the same journey finds this row.</summary>
    public Guid SubmissionId { get; set; }

    /// <summary>The resident's reference, e.g. SR-7KQ4-M2XD (unique).</summary>
    public string Reference { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>"parish" or "district".</summary>
    public string DealtWithBy { get; set; } = "";

    public int RuleIndex { get; set; }

    public string RecipientName { get; set; } = "";

    public string? ParishCode { get; set; }

    public string DistrictCode { get; set; } = "";

    public string Road { get; set; } = "";

    public string ReporterEmail { get; set; } = "";

    /// <summary>The <see cref="Reports.ReportSubmission"/> as submitted (JSON), from which every message is made.</summary>
    public string SubmissionJson { get; set; } = "";

    public List<DeliveryRecord> Deliveries { get; set; } = [];

    /// <summary>When staff closed the report; null while it is open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the resident's personal data was erased (retention); null while it is kept.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }
}
