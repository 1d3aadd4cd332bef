namespace SpeedingReport.Reports;

/// <summary>Stores a report and its pending deliveries in one transaction, before the resident sees a confirmation.</summary>
public interface IReportSubmitter
{
    /// <summary>Stores the report, or returns the receipt of the earlier store of the same <see cref="ReportSubmission.SubmissionId"/>.</summary>
    /// <exception cref="ReportStorageException">Nothing was stored; the resident must not be shown a reference.</exception>
    Task<SubmissionReceipt> SubmitAsync(ReportSubmission submission, CancellationToken cancellationToken);
}
