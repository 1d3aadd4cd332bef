namespace SpeedingReport.Staff;

/// <summary>The list's filters, from the query string; every one optional. Dates are UK days, both ends included.</summary>
public sealed record StaffReportFilter(StaffReportState? State = null, string? Body = null, DateOnly? From = null, DateOnly? To = null);
