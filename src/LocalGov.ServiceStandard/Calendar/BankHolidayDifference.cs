namespace LocalGov.ServiceStandard.Assessments;

/// <summary>A day on which an official bank holiday list and the rules (<see cref="UkBankHolidays"/>) disagree, in a year both cover. The list wins.</summary>
/// <param name="Nation">The nation.</param>
/// <param name="Date">The day.</param>
/// <param name="Name">The holiday's name (from the list, or from the rules when only they have it).</param>
/// <param name="InOfficialList">True when the list has the holiday and the rules do not (a proclaimed one-off); false when only the rules have it.</param>
public sealed record BankHolidayDifference(UkNation Nation, DateOnly Date, string Name, bool InOfficialList);
