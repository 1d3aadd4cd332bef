namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// UK bank holidays computed from their rules (Banking and Financial Dealings Act 1971 and the royal proclamations
/// that GOV.UK lists at gov.uk/bank-holidays), so no list has to be downloaded or kept up to date. Holidays
/// proclaimed after this package was built are not known: pass them as closure days to <see cref="UkWorkingDays"/>.
/// </summary>
public static class UkBankHolidays
{
    /// <summary>The first year the rules and one-off changes here are complete for (1995 moved early May to VE Day).</summary>
    public const int FirstSupportedYear = 1995;

    /// <summary>The bank holidays of one year in one nation, in date order.</summary>
    /// <param name="nation">England and Wales, Scotland or Northern Ireland.</param>
    /// <param name="year">The year, from <see cref="FirstSupportedYear"/>.</param>
    /// <returns>The holidays, each on the day it is observed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is before <see cref="FirstSupportedYear"/> or after 9998.</exception>
    public static IReadOnlyList<BankHoliday> For(UkNation nation, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        if (!Enum.IsDefined(nation))
        {
            throw new ArgumentOutOfRangeException(nameof(nation), nation, "Not a UK nation.");
        }

        var easter = EasterSunday(year);

        // Holidays fixed to a date move to the next weekday not already a holiday when they fall at a weekend
        // (or on a day an earlier holiday took), which gives Boxing Day the Tuesday when Christmas is a Saturday or Sunday.
        var fixedDates = new List<(DateOnly Date, string Name)> { (new DateOnly(year, 1, 1), "New Year's Day") };
        if (nation == UkNation.Scotland)
        {
            fixedDates.Add((new DateOnly(year, 1, 2), "2nd January"));
        }

        if (nation == UkNation.NorthernIreland)
        {
            fixedDates.Add((new DateOnly(year, 3, 17), "St Patrick's Day"));
            fixedDates.Add((new DateOnly(year, 7, 12), "Battle of the Boyne (Orangemen's Day)"));
        }

        // The St Andrew's Day Bank Holiday (Scotland) Act 2007 made it a bank holiday from 2007.
        if (nation == UkNation.Scotland && year >= 2007)
        {
            fixedDates.Add((new DateOnly(year, 11, 30), "St Andrew's Day"));
        }

        if (year == 1999)
        {
            fixedDates.Add((new DateOnly(1999, 12, 31), "Millennium celebrations"));
        }

        // When Christmas is a Sunday GOV.UK keeps Boxing Day on Monday 26th and makes the Tuesday Christmas's
        // substitute, so Boxing Day goes first; in Scotland's New Year the first holiday takes the Monday instead.
        var christmas = (new DateOnly(year, 12, 25), "Christmas Day");
        var boxingDay = (new DateOnly(year, 12, 26), "Boxing Day");
        fixedDates.AddRange(christmas.Item1.DayOfWeek == DayOfWeek.Sunday ? [boxingDay, christmas] : [christmas, boxingDay]);

        var holidays = new List<BankHoliday>
        {
            new(easter.AddDays(-2), "Good Friday"),
            new(EarlyMay(year), "Early May bank holiday"),
            new(Spring(year), "Spring bank holiday"),
            new(nation == UkNation.Scotland ? FirstMonday(year, 8) : LastMonday(year, 8), "Summer bank holiday"),
        };
        if (nation != UkNation.Scotland)
        {
            holidays.Add(new(easter.AddDays(1), "Easter Monday"));
        }

        holidays.AddRange(OneOffs(year));
        foreach (var (date, name) in fixedDates)
        {
            var observed = date;
            while (IsWeekend(observed) || holidays.Exists(h => h.Date == observed))
            {
                observed = observed.AddDays(1);
            }

            holidays.Add(new BankHoliday(observed, observed == date ? name : name + " (substitute day)"));
        }

        return [.. holidays.OrderBy(h => h.Date)];
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus).</summary>
    /// <param name="year">The year, from 1583.</param>
    /// <returns>The date of Easter Sunday.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is before the Gregorian calendar (1583) or after 9999.</exception>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly EarlyMay(int year) => year switch
    {
        1995 => new DateOnly(1995, 5, 8),   // VE Day 50th anniversary
        2020 => new DateOnly(2020, 5, 8),   // VE Day 75th anniversary
        _ => FirstMonday(year, 5),
    };

    private static DateOnly Spring(int year) => year switch
    {
        2002 => new DateOnly(2002, 6, 4),   // Golden Jubilee
        2012 => new DateOnly(2012, 6, 4),   // Diamond Jubilee
        2022 => new DateOnly(2022, 6, 2),   // Platinum Jubilee
        _ => LastMonday(year, 5),
    };

    private static IEnumerable<BankHoliday> OneOffs(int year) => year switch
    {
        2002 => [new(new DateOnly(2002, 6, 3), "Golden Jubilee bank holiday")],
        2011 => [new(new DateOnly(2011, 4, 29), "Royal wedding")],
        2012 => [new(new DateOnly(2012, 6, 5), "Queen's Diamond Jubilee")],
        2022 => [new(new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"), new(new DateOnly(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II")],
        2023 => [new(new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III")],
        _ => [],
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
