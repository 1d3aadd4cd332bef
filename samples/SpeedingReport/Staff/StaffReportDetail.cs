using SpeedingReport.Reports;
using SpeedingReport.Storage;

namespace SpeedingReport.Staff;

/// <summary>Everything the report page shows: the stored row, the submission as sent, the deciding rule, deliveries and attempts, and the audit log.</summary>
public sealed record StaffReportDetail
{
    public required ReportRecord Report { get; init; }

    /// <summary>The stored submission; null when it cannot be read (<see cref="SubmissionError"/> says why).</summary>
    public ReportSubmission? Submission { get; init; }

    public string? SubmissionError { get; init; }

    public required string Area { get; init; }

    public required StaffReportState State { get; init; }

    /// <summary>The routing questions answered: (question, answer), as the routing file words them now.</summary>
    public required IReadOnlyList<(string Question, string Answer)> RoutingAnswers { get; init; }

    /// <summary>The deciding rule, described from the routing file ("Rule 2 of 3: …").</summary>
    public required string Rule { get; init; }

    /// <summary>Oldest first, each with its attempts in order.</summary>
    public required IReadOnlyList<DeliveryRecord> Deliveries { get; init; }

    /// <summary>Oldest first.</summary>
    public required IReadOnlyList<StaffActionRecord> Actions { get; init; }
}
