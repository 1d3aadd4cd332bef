namespace LocalGov.ServiceStandard.Assessments;

/// <summary>A bank holiday: the day it is observed and its name (with "(substitute day)" when it moved off a weekend).</summary>
/// <param name="Date">The day the holiday is observed.</param>
/// <param name="Name">Its name, as GOV.UK writes it.</param>
public sealed record BankHoliday(DateOnly Date, string Name);
