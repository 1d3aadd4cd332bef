using System.Globalization;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LocalGov.ServiceStandard.Tests.Calendar;

/// <summary>
/// GOV.UK's bank-holidays.json format, from a small fixture written for these tests (2026 only; Scotland has the
/// World Cup one-off the rules do not know; Northern Ireland leaves out the Battle of the Boyne on purpose).
/// </summary>
public sealed class BankHolidayCalendarTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Calendar", "govuk-format-fixture.json");

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void A_one_off_in_the_list_is_a_bank_holiday_and_logged_as_a_difference()
    {
        var logs = new FakeLogger();

        var calendar = BankHolidayCalendar.Load(Fixture, logs);

        Assert.DoesNotContain(UkBankHolidays.For(UkNation.Scotland, 2026), h => h.Date == D("2026-06-15"));
        Assert.True(calendar.IsBankHoliday(UkNation.Scotland, D("2026-06-15")));
        Assert.False(calendar.IsBankHoliday(UkNation.EnglandAndWales, D("2026-06-15")));
        Assert.Contains(new BankHolidayDifference(UkNation.Scotland, D("2026-06-15"), "World Cup bank holiday", InOfficialList: true), calendar.Differences);
        var warning = Assert.Single(logs.Collector.GetSnapshot(), r => r.Id.Id == 1901);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("2026-06-15", warning.Message, StringComparison.Ordinal);
        Assert.Equal([2026], calendar.ListedYears(UkNation.Scotland));
    }

    [Fact]
    public void The_list_wins_over_the_rules_where_they_differ()
    {
        var calendar = BankHolidayCalendar.Load(Fixture);

        // The fixture leaves out Northern Ireland's 12 July (a Sunday in 2026, so the rules observe it on Monday 13th).
        Assert.Contains(UkBankHolidays.For(UkNation.NorthernIreland, 2026), h => h.Date == D("2026-07-13"));
        Assert.False(calendar.IsBankHoliday(UkNation.NorthernIreland, D("2026-07-13")));
        Assert.Contains(calendar.Differences, d => d is { Nation: UkNation.NorthernIreland, InOfficialList: false } && d.Date == D("2026-07-13"));
        Assert.Equal(2, calendar.Differences.Count);
        Assert.Equal("Boxing Day (substitute day)", calendar.For(UkNation.EnglandAndWales, 2026)[^1].Name);
    }

    [Fact]
    public void Beyond_the_years_listed_the_rules_answer()
    {
        var calendar = BankHolidayCalendar.Load(Fixture);

        Assert.Equal(UkBankHolidays.For(UkNation.Scotland, 2027), calendar.For(UkNation.Scotland, 2027));
        Assert.Equal(UkBankHolidays.For(UkNation.EnglandAndWales, 2019), calendar.For(UkNation.EnglandAndWales, 2019));
    }

    [Fact]
    public void Working_days_over_the_list_skip_the_one_off()
    {
        var calendar = BankHolidayCalendar.Load(Fixture);
        var scotland = new UkWorkingDays(UkNation.Scotland, calendar);

        Assert.False(scotland.IsWorkingDay(D("2026-06-15")));
        Assert.Equal(D("2026-06-16"), scotland.AddWorkingDays(D("2026-06-12"), 1));
        Assert.True(new UkWorkingDays(UkNation.EnglandAndWales, calendar).IsWorkingDay(D("2026-06-15")));
    }

    [Fact]
    public void The_embedded_snapshot_is_the_rules_plus_the_cited_scottish_world_cup_holiday()
    {
        var snapshot = BankHolidayCalendar.Snapshot;

        Assert.Equal("snapshot", snapshot.Source);
        Assert.Equal(Enumerable.Range(2018, 10), snapshot.ListedYears(UkNation.EnglandAndWales));
        var difference = Assert.Single(snapshot.Differences);
        Assert.Equal((UkNation.Scotland, D("2026-06-15"), true), (difference.Nation, difference.Date, difference.InOfficialList));

        // The default working-day calendar uses the snapshot.
        Assert.False(new UkWorkingDays(UkNation.Scotland).IsWorkingDay(D("2026-06-15")));
    }

    [Theory]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("""{"scotland": {"division": "scotland"}}""", "no \"events\" array")]
    [InlineData("""{"scotland": {"events": [{"title": "X", "date": "15/06/2026"}]}}""", "yyyy-MM-dd")]
    [InlineData("""{"scotland": """, "not JSON")]
    public void A_file_not_in_govuks_format_is_an_invalid_document(string json, string expected)
    {
        var error = Assert.Throws<InvalidDocumentException>(() => BankHolidayCalendar.Parse(System.Text.Encoding.UTF8.GetBytes(json), "test.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_file_on_disk_is_an_invalid_document_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bank-holidays-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "Boxing Day", "date": "2026-12-28", "bunting": true}, """);
        try
        {
            var error = Assert.Throws<InvalidDocumentException>(() => BankHolidayCalendar.Load(path));

            Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
            Assert.Contains(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_url_is_read_through_ihttpclientfactory_once_per_cache_duration_and_a_failure_falls_back()
    {
        var fixture = await File.ReadAllTextAsync(Fixture, TestContext.Current.CancellationToken);
        var up = true;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = Volatile.Read(ref up) ? 200 : 404;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(Volatile.Read(ref up) ? fixture : "busy", context.RequestAborted);
        }, TestContext.Current.CancellationToken);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-01T08:00:00Z", CultureInfo.InvariantCulture));
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddGovUkBankHolidays(o =>
        {
            o.Url = new Uri(server.BaseAddress, "bank-holidays.json");
            o.CacheDuration = TimeSpan.FromHours(6);
        }).ConfigureHttpClient(h => h.Timeout = TimeSpan.FromSeconds(30));
        await using var provider = services.BuildServiceProvider();
        var source = provider.GetRequiredService<IBankHolidaySource>();

        var first = await source.GetCalendarAsync(TestContext.Current.CancellationToken);
        var second = await source.GetCalendarAsync(TestContext.Current.CancellationToken);
        Assert.Same(first, second);
        Assert.Single(server.Requests);
        Assert.True(first.IsBankHoliday(UkNation.Scotland, D("2026-06-15")));

        Volatile.Write(ref up, false);
        time.Advance(TimeSpan.FromHours(7));
        var afterFailure = await source.GetCalendarAsync(TestContext.Current.CancellationToken);

        Assert.Same(first, afterFailure);
        Assert.Contains(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1904 && r.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task With_nothing_read_yet_a_failing_url_gives_the_snapshot()
    {
        // A 404 is not retried by the standard handler, so the fallback is immediate.
        await using var server = await LoopbackServer.StartAsync(404, "Not found", "text/plain", TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGovUkBankHolidays(o => o.Url = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var calendar = await provider.GetRequiredService<IBankHolidaySource>().GetCalendarAsync(TestContext.Current.CancellationToken);

        Assert.Same(BankHolidayCalendar.Snapshot, calendar);
    }
}
