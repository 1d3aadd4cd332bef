using SpeedingReport.Staff;

namespace SpeedingReport.Storage;

/// <summary>One entry of the staff audit log: who did what to a report, when, and why.</summary>
public sealed class StaffActionRecord
{
    public const int DetailMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public DateTimeOffset At { get; set; }

    public StaffActionKind Action { get; set; }

    /// <summary>The member of staff, as their sign-in named them (name and account).</summary>
    public string Actor { get; set; } = "";

    /// <summary>What was done, in words (the delivery re-sent, the body and the reason, the closing note).</summary>
    public string Detail { get; set; } = "";
}
