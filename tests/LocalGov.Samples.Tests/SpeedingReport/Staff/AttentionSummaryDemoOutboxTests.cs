using Microsoft.EntityFrameworkCore;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport.Staff;

/// <summary>In the demo app, the hosted worker puts the summary in the demo outbox at the start of the next period, once.</summary>
public sealed class AttentionSummaryDemoOutboxTests
{
    [Fact]
    public async Task The_summary_goes_to_the_demo_outbox_at_the_next_period_and_only_once()
    {
        await using var factory = new AttentionFactory();

        // At start (09:00) nothing needs attention: the period that began at 08:00 is recorded with nothing sent.
        await UntilAsync(factory, db => db.AttentionSummaries.AnyAsync(s => s.Period == "2026-12-02T08:00Z" && s.Outcome == AttentionSummaryOutcome.NothingToSend));
        using (var http = factory.CreateClient())
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/staff/attention"))
        {
            request.Headers.Add(TestStaffAuthentication.Header, "Sam Staff");
            using var page = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Contains("<div class=\"govuk-inset-text\" id=\"nothing-needs-attention\">No deliveries need attention.</div>", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        await factory.SeedAsync("SR-DEMO-FAIL", TimeSpan.FromMinutes(5), DeliveryStatus.Failed, 1, "GOV.UK Notify refused the email (400): BadRequestError: Can't send to this recipient using a team-only API key");

        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        await UntilAsync(factory, db => db.DemoOutbox.AnyAsync(m => m.Recipient == "road-safety@council.invalid"));
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(200, TestContext.Current.CancellationToken);

        await using var db = await factory.StoreAsync();
        var message = await db.DemoOutbox.AsNoTracking().SingleAsync(m => m.Recipient == "road-safety@council.invalid", TestContext.Current.CancellationToken);
        Assert.Equal(("Staff summary", "Speeding reports: 1 delivery needs attention"), (message.Reference, message.Subject));
        Assert.Contains("* SR-DEMO-FAIL: report to the body (Ashcombe Parish Council)", message.Body, StringComparison.Ordinal);
        Assert.Contains("https://speeding.council.invalid/staff/reports/SR-DEMO-FAIL", message.Body, StringComparison.Ordinal);
        var summary = await db.AttentionSummaries.AsNoTracking().SingleAsync(s => s.Period == "2026-12-03T08:00Z", TestContext.Current.CancellationToken);
        Assert.Equal((AttentionSummaryOutcome.Sent, 1, summary.Id), (summary.Outcome, summary.DeliveryCount, message.DeliveryId));

        // The outbox page shows it like any other demo email.
        using var journey = factory.CreateJourney();
        Assert.Contains("Speeding reports: 1 delivery needs attention", (await journey.GetAsync("/demo/outbox")).Html, StringComparison.Ordinal);
    }

    private static async Task UntilAsync(AttentionFactory factory, Func<ReportsDbContext, Task<bool>> condition)
    {
        for (var i = 0; i < 1500; i++)
        {
            await using var db = await factory.StoreAsync();
            if (await condition(db))
            {
                return;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The condition did not hold within 30 seconds.");
    }
}
