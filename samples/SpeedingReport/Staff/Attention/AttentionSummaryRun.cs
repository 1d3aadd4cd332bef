namespace SpeedingReport.Staff.Attention;

/// <summary>What one look at the summary came to, and when to look again.</summary>
/// <param name="Period">The period looked at (its start, UTC, ISO 8601), or null when no summary address is set.</param>
/// <param name="Result">What happened.</param>
/// <param name="NextRunAt">When the worker should look again: the next period, or sooner to retry a failed send.</param>
public sealed record AttentionSummaryRun(string? Period, AttentionSummaryResult Result, DateTimeOffset NextRunAt);
