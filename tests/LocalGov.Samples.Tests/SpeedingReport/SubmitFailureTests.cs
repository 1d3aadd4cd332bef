using System.Net;
using Microsoft.EntityFrameworkCore;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>
/// The store refusing the write at submit: the resident sees the error page and no reference, and nothing is stored.
/// The write is made to fail inside the database itself (a trigger raising an error on insert), so the app's real
/// path is taken: EF Core's <c>DbUpdateException</c>, not a fake submitter.
/// </summary>
public sealed class SubmitFailureTests(SpeedingReportFactory factory) : IClassFixture<SpeedingReportFactory>
{
    [Fact]
    public async Task A_failed_write_shows_the_error_page_no_reference_and_stores_nothing_then_a_retry_is_stored_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        var check = await journey.FinishAsync();
        await using (var db = await factory.StoreAsync())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_reports BEFORE INSERT ON reports BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END;", ct);
        }

        var failed = await journey.PostAsync("/check", JourneyClient.TokenOn(check));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Null(failed.Location);
        Assert.Equal("Sorry, there is a problem with the service", failed.H1);
        Assert.Contains("Your report has not been sent. Nothing has been saved.", failed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reference\"", failed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("SR-", failed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-panel", failed.Html, StringComparison.Ordinal);
        await using (var db = await factory.StoreAsync())
        {
            Assert.Equal(0, await db.Reports.CountAsync(ct));
            Assert.Equal(0, await db.Deliveries.CountAsync(ct));
        }

        // No confirmation is reachable: the report is not sent, so the journey is still at check.
        var confirmation = await journey.GetAsync("/confirmation");
        Assert.Equal(HttpStatusCode.Redirect, confirmation.Status);
        Assert.Equal("/check", confirmation.Location);
        var stillThere = await journey.GetAsync("/check");
        Assert.Equal(HttpStatusCode.OK, stillThere.Status);
        Assert.Contains("High Street", stillThere.Text, StringComparison.Ordinal);

        // The store recovers; "Try sending your report again" stores it, once.
        await using (var db = await factory.StoreAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_reports;", ct);
        }

        var retried = await journey.PostAsync("/check", JourneyClient.TokenOn(failed));
        Assert.Equal("/confirmation", retried.Location);
        var reference = JourneyClient.ReferenceOn(await journey.GetAsync("/confirmation"));
        Assert.StartsWith("SR-", reference, StringComparison.Ordinal);
        await using (var db = await factory.StoreAsync())
        {
            var report = await db.Reports.AsNoTracking().Include(r => r.Deliveries).SingleAsync(ct);
            Assert.Equal(reference, report.Reference);
            Assert.Equal(2, report.Deliveries.Count);
        }
    }
}
