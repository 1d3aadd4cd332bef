namespace SpeedingReport.Reports;

/// <summary>What the resident is shown once their report is stored.</summary>
/// <param name="Reference">The report's reference: short, unambiguous read aloud, not guessable from another.</param>
/// <param name="ReceivedAt">When it was stored.</param>
/// <param name="AlreadySubmitted">True when this submission id had been stored before (a double submit); nothing new was written.</param>
public sealed record SubmissionReceipt(string Reference, DateTimeOffset ReceivedAt, bool AlreadySubmitted);
