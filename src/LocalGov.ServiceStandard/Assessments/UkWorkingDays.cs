using System.Collections.Concurrent;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// Working days in one UK nation: Monday to Friday, less that nation's bank holidays (by default
/// <see cref="BankHolidayCalendar.Snapshot"/>: the list shipped in the package, then <see cref="UkBankHolidays"/>' rules)
/// and any closure days of the organisation's own (e.g. a council that closes between Christmas and New Year).
/// Thread-safe; makes no network calls.
/// </summary>
public sealed class UkWorkingDays
{
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> _holidaysByYear = new();
    private readonly HashSet<DateOnly> _closures;
    private readonly BankHolidayCalendar _calendar;

    /// <summary>Creates the calendar.</summary>
    /// <param name="nation">Whose bank holidays to skip.</param>
    /// <param name="closureDays">Extra days the organisation is closed, skipped like bank holidays; null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">The nation is not defined.</exception>
    public UkWorkingDays(UkNation nation, IEnumerable<DateOnly>? closureDays = null)
        : this(nation, BankHolidayCalendar.Snapshot, closureDays)
    {
    }

    /// <summary>Creates the calendar over a bank holiday list (e.g. GOV.UK's, loaded with <see cref="BankHolidayCalendar.Load"/>).</summary>
    /// <param name="nation">Whose bank holidays to skip.</param>
    /// <param name="calendar">The bank holidays: a list, with the rules beyond its years.</param>
    /// <param name="closureDays">Extra days the organisation is closed, skipped like bank holidays; null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">The nation is not defined.</exception>
    public UkWorkingDays(UkNation nation, BankHolidayCalendar calendar, IEnumerable<DateOnly>? closureDays = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        if (!Enum.IsDefined(nation))
        {
            throw new ArgumentOutOfRangeException(nameof(nation), nation, "Not a UK nation.");
        }

        Nation = nation;
        _closures = [.. closureDays ?? []];
        ClosureDays = [.. _closures.Order()];
    }

    /// <summary>Whose bank holidays are skipped.</summary>
    public UkNation Nation { get; }

    /// <summary>The organisation's own closure days, in date order.</summary>
    public IReadOnlyList<DateOnly> ClosureDays { get; }

    /// <summary>Whether <paramref name="date"/> is a bank holiday in <see cref="Nation"/> (closure days are not).</summary>
    /// <param name="date">The day.</param>
    /// <returns>True for a bank holiday, including a substitute day.</returns>
    public bool IsBankHoliday(DateOnly date) =>
        _holidaysByYear.GetOrAdd(date.Year, year => [.. _calendar.For(Nation, year).Select(h => h.Date)]).Contains(date);

    /// <summary>Whether <paramref name="date"/> is a working day: a weekday that is neither a bank holiday nor a closure day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>True for a working day.</returns>
    public bool IsWorkingDay(DateOnly date) => !UkBankHolidays.IsWeekend(date) && !_closures.Contains(date) && !IsBankHoliday(date);

    /// <summary>
    /// The day <paramref name="workingDays"/> working days after <paramref name="start"/> (before it, when negative).
    /// <paramref name="start"/> itself is not counted, so "10 working days after finalisation" is
    /// <c>AddWorkingDays(finalised, 10)</c>.
    /// </summary>
    /// <param name="start">The day to count from.</param>
    /// <param name="workingDays">How many working days to move; 0 returns <paramref name="start"/>.</param>
    /// <returns>The working day reached.</returns>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = Math.Sign(workingDays);
        var date = start;
        for (var remaining = Math.Abs(workingDays); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative
    /// when <paramref name="to"/> is earlier. For <c>n &gt;= 0</c> the inverse of <see cref="AddWorkingDays"/>:
    /// <c>CountWorkingDays(d, AddWorkingDays(d, n)) == n</c>.
    /// </summary>
    /// <param name="from">The day to count from (not counted).</param>
    /// <param name="to">The day to count to (counted when it is a working day).</param>
    /// <returns>The count.</returns>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
