namespace SpeedingReport.Staff;

/// <summary>
/// Where a report's deliveries have got to, as staff filter by it. Only each kind's latest delivery counts, so a report
/// re-routed after a failure is judged by its new delivery. A closed report is <see cref="Closed"/> whatever its deliveries.
/// </summary>
public enum StaffReportState
{
    /// <summary>A latest delivery has failed: it needs staff (re-send or re-route).</summary>
    Failed,

    /// <summary>A latest delivery is still being tried or awaits its remote id; none failed.</summary>
    InProgress,

    /// <summary>Every latest delivery was made.</summary>
    Delivered,

    Closed,
}
