namespace SpeedingReport.Retention;

/// <summary>
/// A report's retention state, for the staff report page (the partial <c>Pages/Staff/_Retention.cshtml</c> shows it).
/// </summary>
/// <param name="Reference">The report.</param>
/// <param name="ClosedAt">When staff closed it; null while open.</param>
/// <param name="AnonymisedAt">When its personal data was erased; null until then.</param>
/// <param name="DueAt">When it is due to be anonymised (closed plus the period); null while open.</param>
/// <param name="Period">The retention period in words ("13 months").</param>
public sealed record ReportRetentionView(string Reference, DateTimeOffset? ClosedAt, DateTimeOffset? AnonymisedAt, DateTimeOffset? DueAt, string Period)
{
    public bool Anonymised => AnonymisedAt is not null;
}
