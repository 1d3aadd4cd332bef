using SpeedingReport.Configuration;
using SpeedingReport.Retention;

namespace LocalGov.Samples.Tests.SpeedingReport.Staff;

public sealed class RetentionPeriodTests
{
    [Theory]
    [InlineData("13 months", 13, 0)]
    [InlineData(" 1 Month ", 1, 0)]
    [InlineData("90 days", 0, 90)]
    [InlineData("396.00:00:00", 0, 396)]
    public void Periods_parse(string text, int months, int days)
    {
        var period = RetentionPeriod.Parse(text);

        Assert.Equal((months, TimeSpan.FromDays(days)), (period.Months, period.Span));
    }

    [Theory]
    [InlineData("2026-01-15T10:00:00Z", "2027-02-15T10:00:00Z")]
    [InlineData("2026-01-31T12:00:00Z", "2027-03-01T00:00:00Z")]
    [InlineData("2026-02-28T23:00:00Z", "2027-03-28T23:00:00Z")]
    public void Months_are_calendar_months_and_the_due_time_is_when_the_job_first_takes_the_report(string closed, string due)
    {
        var period = RetentionPeriod.Parse("13 months");
        var closedAt = DateTimeOffset.Parse(closed, System.Globalization.CultureInfo.InvariantCulture);
        var dueAt = period.DueAt(closedAt);

        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), dueAt);
        Assert.True(period.ClosedOnOrBefore(dueAt) >= closedAt);
        Assert.True(period.ClosedOnOrBefore(dueAt - TimeSpan.FromSeconds(1)) < closedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("forever")]
    [InlineData("0 months")]
    [InlineData("-3 days")]
    [InlineData("13 weeks")]
    [InlineData("00:00:00")]
    public void A_bad_period_is_a_configuration_error_naming_the_setting(string text)
    {
        var error = Assert.Throws<SpeedingReportConfigurationException>(() => RetentionPeriod.Parse(text));

        Assert.Equal("SpeedingReport:Retention:Period", error.Location);
    }
}
