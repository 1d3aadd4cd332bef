using System.Diagnostics;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.ServiceStandard.Tests.Calendar;

/// <summary>
/// The package's ActivitySource and Meter ("LocalGov.ServiceStandard") over a loopback GOV.UK: one span per read of the
/// list, with its outcome, and no query token or file path in any tag.
/// </summary>
public sealed class BankHolidayTelemetryTests : IDisposable
{
    private const string Token = "s3cr3t-mirror-token";

    private readonly TelemetryCapture _telemetry = new("LocalGov.ServiceStandard");

    public void Dispose()
    {
        _telemetry.Dispose();
    }

    [Fact]
    public async Task A_read_from_the_url_is_one_client_span_with_the_url_less_its_query_and_the_differences()
    {
        var fixture = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Calendar", "govuk-format-fixture.json"), TestContext.Current.CancellationToken);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(fixture, context.RequestAborted);
        }, TestContext.Current.CancellationToken);
        var url = new Uri(server.BaseAddress, "bank-holidays.json?token=" + Token);

        var calendar = await ReadAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(2, calendar.Differences.Count);
        var span = Assert.Single(SpansFor(url));
        Assert.Equal("BankHolidays Read", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("url", span.GetTagItem("localgov.bank_holidays.source"));
        Assert.Equal("success", span.GetTagItem("localgov.outcome"));
        Assert.Equal(2, span.GetTagItem("localgov.bank_holidays.differences"));
        Assert.Equal(new Uri(server.BaseAddress, "bank-holidays.json").ToString(), span.GetTagItem("url.full"));
        Assert.Contains(_telemetry.Measurements, m => m.Instrument == "localgov.servicestandard.bank_holidays.reads" && Equals(m.Tags["localgov.outcome"], "success"));
        Assert.Contains(_telemetry.Measurements, m => m.Instrument == "localgov.servicestandard.bank_holidays.read.duration");
        AssertNoSecretInAnyTag();
    }

    [Fact]
    public async Task A_failed_read_is_an_error_span_naming_the_fallback_and_counted_by_error_type()
    {
        await using var server = await LoopbackServer.StartAsync(404, "Not found", "text/plain", TestContext.Current.CancellationToken);
        var url = new Uri(server.BaseAddress, "bank-holidays.json?token=" + Token);

        var calendar = await ReadAsync(url, TestContext.Current.CancellationToken);

        Assert.Same(BankHolidayCalendar.Snapshot, calendar);
        var span = Assert.Single(SpansFor(url));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(nameof(HttpRequestException), span.GetTagItem("error.type"));
        Assert.Equal("snapshot", span.GetTagItem("localgov.fallback"));
        Assert.Contains(_telemetry.Measurements, m => m.Instrument == "localgov.servicestandard.bank_holidays.reads" && Equals(m.Tags["localgov.outcome"], nameof(HttpRequestException)));
        AssertNoSecretInAnyTag();
    }

    [Fact]
    public async Task A_file_read_tags_the_kind_but_never_the_path()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Calendar", "govuk-format-fixture.json");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGovUkBankHolidays(o => o.FilePath = path);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBankHolidaySource>().GetCalendarAsync(TestContext.Current.CancellationToken);

        var span = Assert.Single(_telemetry.Spans, s => Equals(s.GetTagItem("localgov.bank_holidays.source"), "file"));
        Assert.Null(span.GetTagItem("url.full"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("govuk-format-fixture", StringComparison.Ordinal) == true);
    }

    private static async Task<BankHolidayCalendar> ReadAsync(Uri url, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGovUkBankHolidays(o => o.Url = url);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IBankHolidaySource>().GetCalendarAsync(cancellationToken);
    }

    private IEnumerable<Activity> SpansFor(Uri url) =>
        _telemetry.Spans.Where(s => s.GetTagItem("url.full") is string tagged && tagged.StartsWith(url.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));

    private void AssertNoSecretInAnyTag()
    {
        var values = _telemetry.AllTagValues();
        Assert.DoesNotContain(values, v => v.Contains(Token, StringComparison.Ordinal));
    }
}
