using LocalGov.ServiceStandard.Assessments;

namespace LocalGov.ServiceStandard.Tests.Assessments;

public sealed class UkWorkingDaysTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Dates(UkNation nation, int year) => [.. UkBankHolidays.For(nation, year).Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];

    [Theory]
    [InlineData(1818, "1818-03-22")]
    [InlineData(1943, "1943-04-25")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_sunday_matches_known_dates(int year, string expected) =>
        Assert.Equal(D(expected), UkBankHolidays.EasterSunday(year));

    [Fact]
    public void England_and_wales_2025_has_the_eight_standard_holidays() =>
        Assert.Equal(["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"], Dates(UkNation.EnglandAndWales, 2025));

    [Fact]
    public void Scotland_2025_has_2_january_first_monday_of_august_st_andrews_substitute_and_no_easter_monday() =>
        Assert.Equal(["2025-01-01", "2025-01-02", "2025-04-18", "2025-05-05", "2025-05-26", "2025-08-04", "2025-12-01", "2025-12-25", "2025-12-26"], Dates(UkNation.Scotland, 2025));

    [Fact]
    public void Northern_ireland_2025_has_st_patricks_day_and_the_boyne_moved_off_saturday() =>
        Assert.Equal(["2025-01-01", "2025-03-17", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-07-14", "2025-08-25", "2025-12-25", "2025-12-26"], Dates(UkNation.NorthernIreland, 2025));

    [Fact]
    public void Northern_ireland_substitutes_st_patricks_day_on_sunday_and_the_boyne_on_sunday()
    {
        Assert.Contains(D("2024-03-18"), UkBankHolidays.For(UkNation.NorthernIreland, 2024).Select(h => h.Date));
        Assert.DoesNotContain(D("2024-03-17"), UkBankHolidays.For(UkNation.NorthernIreland, 2024).Select(h => h.Date));
        Assert.Contains(new BankHoliday(D("2020-07-13"), "Battle of the Boyne (Orangemen's Day) (substitute day)"), UkBankHolidays.For(UkNation.NorthernIreland, 2020));
    }

    [Fact]
    public void Christmas_on_saturday_moves_christmas_to_monday_and_boxing_day_to_tuesday()
    {
        var holidays = UkBankHolidays.For(UkNation.EnglandAndWales, 2021);

        Assert.Contains(new BankHoliday(D("2021-12-27"), "Christmas Day (substitute day)"), holidays);
        Assert.Contains(new BankHoliday(D("2021-12-28"), "Boxing Day (substitute day)"), holidays);
        Assert.Equal(["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"], Dates(UkNation.EnglandAndWales, 2021));
    }

    [Fact]
    public void Christmas_on_sunday_keeps_boxing_day_on_monday_and_substitutes_christmas_on_tuesday()
    {
        var holidays = UkBankHolidays.For(UkNation.EnglandAndWales, 2022);

        Assert.Contains(new BankHoliday(D("2022-12-26"), "Boxing Day"), holidays);
        Assert.Contains(new BankHoliday(D("2022-12-27"), "Christmas Day (substitute day)"), holidays);
    }

    [Fact]
    public void Boxing_day_on_saturday_moves_to_monday() =>
        Assert.Contains(new BankHoliday(D("2020-12-28"), "Boxing Day (substitute day)"), UkBankHolidays.For(UkNation.EnglandAndWales, 2020));

    [Theory]
    [InlineData(UkNation.EnglandAndWales, 2022, new[] { "2022-01-03" })]   // 1 January a Saturday
    [InlineData(UkNation.EnglandAndWales, 2023, new[] { "2023-01-02" })]   // 1 January a Sunday
    [InlineData(UkNation.Scotland, 2022, new[] { "2022-01-03", "2022-01-04" })]
    [InlineData(UkNation.Scotland, 2023, new[] { "2023-01-02", "2023-01-03" })]
    [InlineData(UkNation.Scotland, 2021, new[] { "2021-01-01", "2021-01-04" })] // 2 January a Saturday
    public void New_year_substitutes(UkNation nation, int year, string[] expected) =>
        Assert.Equal(expected, Dates(nation, year).Where(d => d.StartsWith($"{year}-01", StringComparison.Ordinal)));

    [Fact]
    public void St_andrews_day_is_a_holiday_in_scotland_from_2007_and_moves_off_a_weekend()
    {
        Assert.Contains(D("2020-11-30"), UkBankHolidays.For(UkNation.Scotland, 2020).Select(h => h.Date));
        Assert.Contains(new BankHoliday(D("2019-12-02"), "St Andrew's Day (substitute day)"), UkBankHolidays.For(UkNation.Scotland, 2019));
        Assert.DoesNotContain(UkBankHolidays.For(UkNation.Scotland, 2006), h => h.Name.StartsWith("St Andrew", StringComparison.Ordinal));
        Assert.DoesNotContain(UkBankHolidays.For(UkNation.EnglandAndWales, 2020), h => h.Name.StartsWith("St Andrew", StringComparison.Ordinal));
    }

    [Fact]
    public void England_and_wales_2022_has_the_jubilee_and_the_state_funeral() =>
        Assert.Equal(["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"], Dates(UkNation.EnglandAndWales, 2022));

    [Fact]
    public void Scotland_2022_has_the_one_offs_too() =>
        Assert.Equal(["2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-01", "2022-09-19", "2022-11-30", "2022-12-26", "2022-12-27"], Dates(UkNation.Scotland, 2022));

    [Fact]
    public void England_and_wales_2020_moves_early_may_to_ve_day() =>
        Assert.Equal(["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"], Dates(UkNation.EnglandAndWales, 2020));

    [Fact]
    public void England_and_wales_2023_adds_the_coronation() =>
        Assert.Equal(["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"], Dates(UkNation.EnglandAndWales, 2023));

    [Theory]
    [InlineData(2002, new[] { "2002-06-03", "2002-06-04" }, "2002-05-27")]
    [InlineData(2012, new[] { "2012-06-04", "2012-06-05" }, "2012-05-28")]
    [InlineData(2011, new[] { "2011-04-29", "2011-05-30" }, "2011-06-06")]
    public void Jubilees_and_the_royal_wedding_in_every_nation(int year, string[] holidays, string notAHoliday)
    {
        foreach (var nation in Enum.GetValues<UkNation>())
        {
            var dates = Dates(nation, year);
            Assert.All(holidays, h => Assert.Contains(h, dates));
            Assert.DoesNotContain(notAHoliday, dates);
        }
    }

    [Fact]
    public void Ve_day_1995_and_the_millennium_in_every_nation()
    {
        foreach (var nation in Enum.GetValues<UkNation>())
        {
            Assert.Contains("1995-05-08", Dates(nation, 1995));
            Assert.DoesNotContain("1995-05-01", Dates(nation, 1995));
            Assert.Contains("1999-12-31", Dates(nation, 1999));
        }

        Assert.Equal(["2000-01-03", "2000-01-04"], Dates(UkNation.Scotland, 2000).Where(d => d.StartsWith("2000-01", StringComparison.Ordinal)));
    }

    [Fact]
    public void Years_before_the_rules_are_complete_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UkBankHolidays.For(UkNation.EnglandAndWales, 1994));

    [Theory]
    [InlineData(UkNation.EnglandAndWales, "2026-01-07")]
    [InlineData(UkNation.Scotland, "2026-01-08")]      // 2 January 2026 is a holiday in Scotland
    [InlineData(UkNation.NorthernIreland, "2026-01-07")]
    public void Ten_working_days_across_christmas(UkNation nation, string expected)
    {
        var calendar = new UkWorkingDays(nation);

        Assert.Equal(D(expected), calendar.AddWorkingDays(D("2025-12-19"), 10));
        Assert.Equal(10, calendar.CountWorkingDays(D("2025-12-19"), D(expected)));
    }

    [Fact]
    public void Closure_days_are_skipped_like_bank_holidays()
    {
        var calendar = new UkWorkingDays(UkNation.EnglandAndWales, [D("2025-12-31"), D("2025-12-29"), D("2025-12-30")]);

        Assert.Equal(D("2026-01-12"), calendar.AddWorkingDays(D("2025-12-19"), 10));
        Assert.Equal([D("2025-12-29"), D("2025-12-30"), D("2025-12-31")], calendar.ClosureDays);
        Assert.False(calendar.IsWorkingDay(D("2025-12-30")));
        Assert.False(calendar.IsBankHoliday(D("2025-12-30")));
    }

    [Theory]
    [InlineData(UkNation.EnglandAndWales, "2025-04-28")]
    [InlineData(UkNation.Scotland, "2025-04-25")]      // Easter Monday is a working day in Scotland
    public void Ten_working_days_across_easter(UkNation nation, string expected)
    {
        var calendar = new UkWorkingDays(nation);

        Assert.Equal(D(expected), calendar.AddWorkingDays(D("2025-04-10"), 10));
        Assert.Equal(10, calendar.CountWorkingDays(D("2025-04-10"), D(expected)));
    }

    [Fact]
    public void Counting_and_adding_are_inverse_and_signed()
    {
        var calendar = new UkWorkingDays(UkNation.EnglandAndWales);

        Assert.Equal(D("2025-04-17"), calendar.AddWorkingDays(D("2025-04-22"), -1)); // back over Easter
        Assert.Equal(D("2025-04-19"), calendar.AddWorkingDays(D("2025-04-19"), 0));
        Assert.Equal(-10, calendar.CountWorkingDays(D("2025-04-28"), D("2025-04-10")));
        Assert.Equal(0, calendar.CountWorkingDays(D("2025-04-18"), D("2025-04-21")));   // Good Friday to Easter Monday
        Assert.Equal(1, calendar.CountWorkingDays(D("2025-04-18"), D("2025-04-22")));
        for (var n = 0; n <= 30; n++)
        {
            Assert.Equal(n, calendar.CountWorkingDays(D("2025-12-20"), calendar.AddWorkingDays(D("2025-12-20"), n)));
        }
    }

    [Fact]
    public void Weekends_and_holidays_are_not_working_days()
    {
        var calendar = new UkWorkingDays(UkNation.Scotland);

        Assert.False(calendar.IsWorkingDay(D("2025-08-04")));
        Assert.True(calendar.IsBankHoliday(D("2025-08-04")));
        Assert.True(calendar.IsWorkingDay(D("2025-08-25")));
        Assert.False(calendar.IsWorkingDay(D("2025-08-23")));
    }
}
