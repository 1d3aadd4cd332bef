namespace LocalGov.ServiceStandard.Assessments;

/// <summary>Gives the current bank holiday calendar: GOV.UK's list (cached), else the package's snapshot. Register with <c>AddGovUkBankHolidays</c>.</summary>
public interface IBankHolidaySource
{
    /// <summary>
    /// The calendar: GOV.UK's list read at most once per <see cref="GovUkBankHolidaysOptions.CacheDuration"/>; when it
    /// cannot be read, the last good list, else <see cref="BankHolidayCalendar.Snapshot"/> (a warning is logged). Never throws for a failed read.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait (not a read another caller started).</param>
    /// <returns>The calendar.</returns>
    Task<BankHolidayCalendar> GetCalendarAsync(CancellationToken cancellationToken = default);
}
