namespace SpeedingReport.Staff;

/// <summary>One report in the staff list (and one line of the export).</summary>
public sealed record StaffReportRow(
    string Reference,
    DateTimeOffset ReceivedAt,
    string Road,
    string Area,
    string ResponsibleBody,
    StaffReportState State);
