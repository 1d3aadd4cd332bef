using LocalGov.Testing;
using Microsoft.Extensions.Time.Testing;
using UpcomingMeetings;

namespace LocalGov.Samples.Tests.Console;

public sealed class UpcomingMeetingsTests
{
    private const string Meetings = """
        <?xml version="1.0" encoding="utf-8"?>
        <getmeetings>
          <meetingscount> 3</meetingscount>
          <committeescount> 2</committeescount>
          <committee>
            <committeeid>144</committeeid>
            <committeetitle>Planning Committee</committeetitle>
            <committeemeetings>
              <meeting><meetingid>2</meetingid><meetingdate>05/12/2026</meetingdate><meetingstatus>Confirmed</meetingstatus><meetingtime>6.30 pm</meetingtime><meetinglocation>Council Chamber</meetinglocation></meeting>
              <meeting><meetingid>9</meetingid><meetingdate>20/12/2026</meetingdate><meetingstatus>Confirmed</meetingstatus></meeting>
            </committeemeetings>
          </committee>
          <committee>
            <committeeid>200</committeeid>
            <committeetitle>Cabinet</committeetitle>
            <committeemeetings>
              <meeting><meetingid>1</meetingid><meetingdate>01/12/2026</meetingdate><meetingtime>10.00 am</meetingtime></meeting>
            </committeemeetings>
          </committee>
        </getmeetings>
        """;

    [Fact]
    public async Task Lists_the_coming_week_in_date_order()
    {
        await using var server = await LoopbackServer.StartAsync(200, Meetings, cancellationToken: TestContext.Current.CancellationToken);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await MeetingLister.RunAsync([server.BaseAddress.ToString()], output, error, clock, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "Meetings from Monday 30 November 2026 to Sunday 6 December 2026: 2",
                "Tue 1 Dec 10:00  Cabinet",
                "Sat 5 Dec 18:30  Planning Committee (Council Chamber, Confirmed)",
            ],
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        var request = Assert.Single(server.Requests);
        Assert.Contains("/mgWebService.asmx/GetMeetings", request, StringComparison.Ordinal);
        Assert.Contains("sFromDate=30%2F11%2F2026", request, StringComparison.Ordinal);
        Assert.Contains("sToDate=06%2F12%2F2026", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_council_error_page_exits_with_2_and_the_reason()
    {
        await using var server = await LoopbackServer.StartAsync(200, "<html><body>Sorry, the site is down for maintenance</body></html>", "text/html", TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await MeetingLister.RunAsync([server.BaseAddress.ToString(), "--days", "14"], output, error, TimeProvider.System, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("https://democracy.example.gov.uk/|--days|0")]
    [InlineData("ftp://democracy.example.gov.uk/")]
    public async Task Usage_errors_exit_with_1(string joined)
    {
        var args = joined.Split('|', StringSplitOptions.RemoveEmptyEntries);
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(1, await MeetingLister.RunAsync(args, output, error, TimeProvider.System, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("Usage: UpcomingMeetings", error.ToString(), StringComparison.Ordinal);
    }
}
