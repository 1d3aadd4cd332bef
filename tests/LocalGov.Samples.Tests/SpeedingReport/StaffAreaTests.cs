using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpeedingReport.Staff;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The staff area in the demo: sign-in with the demo account, the report page and every action, and the audit log.</summary>
public sealed partial class StaffAreaTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/")]
    [InlineData("/staff/reports/SR-AAAA-BBBB")]
    [InlineData("/staff/reports.csv")]
    public async Task Anonymous_requests_are_sent_to_sign_in(string path)
    {
        using var journey = factory.CreateJourney();

        var response = await journey.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.StartsWith("http://localhost/staff/sign-in?ReturnUrl=", response.Location, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(response.Html);
    }

    [Fact]
    public async Task The_sign_in_page_is_the_demo_form_under_the_demo_banner()
    {
        using var journey = factory.CreateJourney();

        var page = await journey.GetAsync("/staff/sign-in");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Demo sign-in: not for real use", page.Text, StringComparison.Ordinal);
        Assert.Contains("name=\"Password\" type=\"password\"", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffFactory.UserName, "wrong-password", "The user name or password is not right")]
    [InlineData("someone.else", StaffFactory.Password, "The user name or password is not right")]
    [InlineData(StaffFactory.UserName, "", "Enter the password")]
    [InlineData("", StaffFactory.Password, "Enter the user name")]
    public async Task A_wrong_or_missing_user_name_or_password_does_not_sign_in(string userName, string password, string error)
    {
        using var journey = factory.CreateJourney();

        var refused = await journey.SubmitAsync("/staff/sign-in", ("UserName", userName), ("Password", password));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.SummaryErrors, e => e.Text == error);
        Assert.StartsWith("Error: ", refused.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(password is "" ? "\u0000" : password, refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await journey.GetAsync("/staff")).Status);
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused()
    {
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent([new("UserName", StaffFactory.UserName), new("Password", StaffFactory.Password)]);

        using var response = await http.PostAsync(new Uri("/staff/sign-in", UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".SpeedingReport.Staff=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_forged_staff_cookie_is_not_accepted()
    {
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", ".SpeedingReport.Staff=CfDJ8forged");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/sign-in", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example/staff", "/staff")]
    [InlineData("//evil.example/staff", "/staff")]
    [InlineData("/check", "/staff")]
    [InlineData("/staff/reports.csv", "/staff/reports.csv")]
    public async Task Sign_in_returns_only_into_the_staff_area(string returnUrl, string expected)
    {
        using var journey = factory.CreateJourney();

        var signedIn = await journey.SubmitAsync($"/staff/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}", ("UserName", StaffFactory.UserName), ("Password", StaffFactory.Password), ("ReturnUrl", returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(expected, signedIn.Location);
    }

    [Fact]
    public async Task Staff_sign_in_see_the_list_under_the_banner_and_sign_out()
    {
        using var staff = await factory.SignedInAsync();

        var list = await staff.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal("Reports", list.H1);
        Assert.Contains("Demo sign-in: not for real use", list.Text, StringComparison.Ordinal);
        Assert.Contains("demo.staff (demo account)", list.Text, StringComparison.Ordinal);

        var signedOut = await staff.PostAsync("/staff/sign-out", JourneyClient.TokenOn(list));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/staff")).Status);
    }

    [Fact]
    public async Task Report_page_shows_every_answer_the_rule_and_each_attempt()
    {
        var reference = await factory.SubmitReportAsync(FailOnceEmailChannel.Address, road: "Mill Lane");
        using var staff = await factory.SignedInAsync();

        var page = await staff.GetAsync($"/staff/reports/{reference}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(reference, page.H1);
        Assert.Contains("no-store", page.CacheControl, StringComparison.Ordinal);
        Assert.Contains("no-store", (await staff.GetAsync("/staff/reports.csv")).CacheControl, StringComparison.Ordinal);
        var text = Squash(page.Text);
        foreach (var expected in new[]
        {
            "Mill Lane", "By the school", "Cars at 50 mph every morning.", "Pat Resident", FailOnceEmailChannel.Address, "01632 960 123",
            "Monday, Friday; morning", "Is the speed limit on the road 30 mph or less? Yes, 30 mph or less",
            "Does the parish run a Community Speedwatch scheme? Yes", "Ashcombe parish, Demo Vale",
            "Rule 2 of 3: when the location is in a parish and “Speed limit 30 mph or less” is “Yes, 30 mph or less” and “Where the speeding is” is “A single location” and “Community Speedwatch” is “Yes”, the parish council deals with it.",
            "Latitude", FailOnceEmailChannel.Reason, "Report to the responsible body: Delivered", "Confirmation to the resident: Failed",
            "No staff actions yet.",
        })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{expected} not in {text}");
        }

        await using var db = await factory.StoreAsync();
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.Report!.Reference == reference).ToListAsync(TestContext.Current.CancellationToken);
        var delivered = Assert.Single(deliveries, d => d.Status == DeliveryStatus.Delivered);
        Assert.Contains(delivered.RemoteId!, page.Html, StringComparison.Ordinal);
        Assert.Equal(404, (int)(await staff.GetAsync("/staff/reports/SR-NONE-XXXX")).Status);
    }

    [Fact]
    public async Task Resend_reroute_and_close_are_done_and_written_to_the_audit_log()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await factory.SubmitReportAsync(FailOnceEmailChannel.Address);
        using var staff = await factory.SignedInAsync();
        var path = $"/staff/reports/{reference}";

        // The list's "failed" filter finds it.
        var failed = await staff.GetAsync("/staff?state=failed");
        Assert.Contains($"data-reference=\"{reference}\"", failed.Html, StringComparison.Ordinal);

        // Re-send: back to pending now, attempts kept, the worker woken; it then succeeds.
        var page = await staff.GetAsync(path);
        var failedId = DeliveryIdRegex().Match(page.Html).Groups[1].Value;
        var resent = await staff.PostAsync($"{path}?handler=resend", JourneyClient.TokenOn(page), ("delivery", failedId));
        Assert.Equal(HttpStatusCode.Redirect, resent.Status);
        Assert.Equal($"{path}?done=resent", resent.Location);
        var report = await DeliveredReports.WaitAsync(factory, reference);
        var confirmation = Assert.Single(report.Deliveries, d => d.Id == Guid.Parse(failedId));
        Assert.Equal(DeliveryStatus.Delivered, confirmation.Status);
        Assert.Equal(2, confirmation.AttemptCount);
        Assert.Equal(2, confirmation.Attempts.Count);

        // A delivery that has not failed is not re-sent (nor logged).
        page = await staff.GetAsync(path);
        var notFailed = await staff.PostAsync($"{path}?handler=resend", JourneyClient.TokenOn(page), ("delivery", failedId));
        Assert.Equal(HttpStatusCode.OK, notFailed.Status);
        Assert.Contains(notFailed.SummaryErrors, e => e.Text.Contains("has not failed", StringComparison.Ordinal));

        // Re-route: the reason is required; then a new delivery to the chosen body.
        var noReason = await staff.PostAsync($"{path}?handler=reroute", JourneyClient.TokenOn(page), ("Body", "DEMO-D01"), ("Reason", " "));
        Assert.Equal(("#reason", "Enter why the report is being re-routed"), Assert.Single(noReason.SummaryErrors));
        var noBody = await staff.PostAsync($"{path}?handler=reroute", JourneyClient.TokenOn(page), ("Body", "NOT-A-BODY"), ("Reason", "Wrong"));
        Assert.Equal(("#body", "Select the body to send the report to"), Assert.Single(noBody.SummaryErrors));
        var rerouted = await staff.PostAsync($"{path}?handler=reroute", JourneyClient.TokenOn(page), ("Body", "DEMO-D01"), ("Reason", "The parish asked the district to take speeding on the B-road."));
        Assert.Equal($"{path}?done=rerouted", rerouted.Location);
        report = await DeliveredReports.WaitAsync(factory, reference);
        var toDistrict = Assert.Single(report.Deliveries, d => d.RecipientAddress == "roadsafety@demovale.demo.invalid");
        Assert.Equal(DeliveryStatus.Delivered, toDistrict.Status);
        Assert.Equal("Demo Vale District Council road safety team (DEMO)", report.RecipientName);

        // Close, with a note; a closed report takes no more actions.
        page = await staff.GetAsync(path);
        var closed = await staff.PostAsync($"{path}?handler=close", JourneyClient.TokenOn(page), ("Note", "Speed survey booked."));
        Assert.Equal($"{path}?done=closed", closed.Location);
        page = await staff.GetAsync(closed.Location!);
        Assert.Contains("The report is closed.", page.Text, StringComparison.Ordinal);
        Assert.Contains("The resident's personal data will be erased after", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reroute\"", page.Html, StringComparison.Ordinal);
        var afterClose = await staff.PostAsync($"{path}?handler=close", JourneyClient.TokenOn(page), ("Note", "again"));
        Assert.Contains(afterClose.SummaryErrors, e => e.Text == $"Report {reference} is closed.");

        // The audit log: three actions, in order, by the demo account, shown on the page.
        await using var db = await factory.StoreAsync();
        var log = await db.StaffActions.AsNoTracking().Where(a => a.ReportId == report.Id).OrderBy(a => a.At).ToListAsync(ct);
        Assert.Equal([StaffActionKind.Resend, StaffActionKind.Reroute, StaffActionKind.Close], log.Select(a => a.Action));
        Assert.All(log, a => Assert.Equal("demo.staff (demo account) (demo.staff)", a.Actor));
        Assert.Contains(FailOnceEmailChannel.Reason, log[0].Detail, StringComparison.Ordinal);
        Assert.Contains("Reason: The parish asked the district to take speeding on the B-road.", log[1].Detail, StringComparison.Ordinal);
        Assert.Contains("to Demo Vale District Council road safety team (DEMO)", log[1].Detail, StringComparison.Ordinal);
        Assert.Equal("Closed. Note: Speed survey booked.", log[2].Detail);
        var text = Squash(page.Text);
        foreach (var entry in log)
        {
            Assert.Contains(Squash(entry.Detail), text, StringComparison.Ordinal);
        }

        Assert.NotNull((await db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference, ct)).ClosedAt);
        Assert.Contains($"data-reference=\"{reference}\"", (await staff.GetAsync("/staff?state=closed")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-reference=\"{reference}\"", (await staff.GetAsync("/staff?state=failed")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_staff_form_carries_an_antiforgery_token_and_a_post_without_one_is_refused()
    {
        var reference = await factory.SubmitReportAsync(FailOnceEmailChannel.Address);
        using var staff = await factory.SignedInAsync();
        var page = await staff.GetAsync($"/staff/reports/{reference}");

        var posts = FormRegex().Matches(page.Html).Select(m => m.Value).ToList();
        Assert.Equal(4, posts.Count); // sign out, re-send, re-route, close
        Assert.All(posts, form => Assert.Contains("__RequestVerificationToken", form, StringComparison.Ordinal));

        var forged = await staff.PostAsync($"/staff/reports/{reference}?handler=close", "not-a-token");
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        await using var db = await factory.StoreAsync();
        Assert.Null((await db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference, TestContext.Current.CancellationToken)).ClosedAt);
    }

    private static string Squash(string text) => WhitespaceRegex().Replace(text, " ");

    [GeneratedRegex("data-delivery=\"([0-9a-f-]{36})\" data-status=\"Failed\"")]
    private static partial Regex DeliveryIdRegex();

    [GeneratedRegex("<form method=\"post\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
