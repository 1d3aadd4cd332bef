namespace SpeedingReport.Staff;

/// <summary>What a member of staff did to a report (the audit log's action).</summary>
public enum StaffActionKind
{
    /// <summary>A failed delivery was put back to be tried again.</summary>
    Resend,

    /// <summary>The report was sent to another body, with the reason.</summary>
    Reroute,

    /// <summary>The report was closed, with an optional note.</summary>
    Close,
}
