namespace SpeedingReport.Staff;

/// <summary>A body staff can re-route a report to: its area code, name, and how the report would reach it.</summary>
/// <param name="Code">The area code (directory key), the form's value.</param>
/// <param name="Name">The body's name.</param>
/// <param name="Channel">"email" or "open311".</param>
/// <param name="Address">The email address, or the Open311 endpoint's name.</param>
public sealed record StaffBody(string Code, string Name, string Channel, string Address);
