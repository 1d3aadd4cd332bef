namespace SpeedingReport.Operations;

/// <summary>When the database check reports the delivery backlog as a problem (section <c>SpeedingReport:Health</c>).</summary>
public sealed class ReportDatabaseHealthOptions
{
    public const string SectionName = "SpeedingReport:Health";

    /// <summary>
    /// The check is Degraded when the oldest delivery still waiting (pending) was stored longer ago than this. Defaults
    /// to one hour: the worker's retries back off to an hour between attempts, so a delivery older than that has
    /// failed at least twice and a parish clerk is waiting.
    /// </summary>
    public TimeSpan MaxPendingDeliveryAge { get; set; } = TimeSpan.FromHours(1);
}
