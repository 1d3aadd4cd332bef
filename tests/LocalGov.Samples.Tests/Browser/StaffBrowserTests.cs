using LocalGov.Samples.Tests.SpeedingReport;
using Microsoft.Playwright;

namespace LocalGov.Samples.Tests.Browser;

/// <summary>A member of staff in a real browser: signs in with the demo account, finds the report just sent, re-sends its failed delivery and closes it; axe on every staff page.</summary>
public sealed class StaffBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = BrowserFixture.TestTimeoutMs)]
    public async Task Staff_sign_in_find_the_new_report_resend_its_failed_delivery_and_close_it()
    {
        if (fixture.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true });
        var page = await context.NewPageAsync();
        var checkedPages = new List<string>();
        var reference = await SendReportAsync(page);

        // Anonymous: sent to sign-in, which is bannered; a wrong password is an accessible error.
        await page.GotoAsync(new Uri(fixture.BaseAddress, "staff").ToString());
        await BrowserJourneyTests.ExpectHeadingAsync(page, "Staff sign in");
        Assert.Contains("Demo sign-in: not for real use", await page.Locator("#demo-sign-in-banner").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserJourneyTests.AssertAccessibleAsync(page, checkedPages);
        await page.GetByLabel("User name").FillAsync(StaffFactory.UserName);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal(1, await page.Locator(".govuk-error-summary", new() { HasText = "The user name or password is not right" }).CountAsync());
        await BrowserJourneyTests.AssertAccessibleAsync(page, checkedPages);
        await page.GetByLabel("User name").FillAsync(StaffFactory.UserName);
        await page.GetByLabel("Password").FillAsync(StaffFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The list: the new report, once its confirmation has failed.
        await BrowserJourneyTests.ExpectHeadingAsync(page, "Reports");
        Assert.Contains("Demo sign-in: not for real use", await page.Locator("#demo-sign-in-banner").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserJourneyTests.AssertAccessibleAsync(page, checkedPages);
        await WaitForAsync(page, "staff?state=failed", $"[data-reference=\"{reference}\"]");
        await page.GetByLabel("Delivery state").SelectOptionAsync(new SelectOptionValue { Label = "Delivery failed" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await BrowserJourneyTests.AssertAccessibleAsync(page, checkedPages);

        // Deliveries that need attention: the failed confirmation is listed, with its reason, and leads to the report.
        await page.GetByRole(AriaRole.Link, new() { Name = "Deliveries that need attention" }).ClickAsync();
        await BrowserJourneyTests.ExpectHeadingAsync(page, "Deliveries that need attention");
        await BrowserJourneyTests.AssertAccessibleAsync(page, checkedPages);
        Assert.Contains(FailOnceEmailChannel.Reason, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();

        // The report: the failed confirmation, re-sent.
        await BrowserJourneyTests.ExpectHeadingAsync(page, reference);
        await BrowserJourneyTests.AssertAccessibleAsync(page, checkedPages);
        Assert.Contains(FailOnceEmailChannel.Reason, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-send the confirmation to the resident" }).ClickAsync();
        Assert.Equal("The delivery will be tried again now.", (await page.Locator("#done").InnerTextAsync()).Trim());
        await BrowserJourneyTests.AssertAccessibleAsync(page, checkedPages);
        await WaitForAsync(page, $"staff/reports/{reference}", "[data-status=\"Delivered\"] >> nth=1");
        Assert.Equal(0, await page.Locator("[data-status=\"Failed\"]").CountAsync());

        // Closed, with a note; the audit log shows both actions.
        await page.GetByLabel("Note (optional)").FillAsync("Passed to the speed survey team.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close report" }).ClickAsync();
        Assert.Equal("The report is closed.", (await page.Locator("#done").InnerTextAsync()).Trim());
        await BrowserJourneyTests.AssertAccessibleAsync(page, checkedPages);
        Assert.Equal(["Resend", "Close"], await page.Locator("#audit tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)"));
        Assert.Contains("Closed. Note: Passed to the speed survey team.", await page.Locator("#audit").InnerTextAsync(), StringComparison.Ordinal);

        // Signed out, and the staff area is closed to this browser again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserJourneyTests.ExpectHeadingAsync(page, "You have signed out");
        await BrowserJourneyTests.AssertAccessibleAsync(page, checkedPages);
        await page.GotoAsync(new Uri(fixture.BaseAddress, $"staff/reports/{reference}").ToString());
        await BrowserJourneyTests.ExpectHeadingAsync(page, "Staff sign in");

        Assert.Equal(["/staff/sign-in", "/staff/sign-in", "/staff", "/staff", "/staff/attention", $"/staff/reports/{reference}", $"/staff/reports/{reference}", $"/staff/reports/{reference}", "/staff/sign-out"], checkedPages);
        await context.DisposeAsync();
    }

    /// <summary>A district report whose resident confirmation fails the first time; returns its reference.</summary>
    private async Task<string> SendReportAsync(IPage page)
    {
        await page.GotoAsync(new Uri(fixture.BaseAddress, "where").ToString());
        await page.GetByLabel("What is the postcode where the speeding happens?").FillAsync("DM1 1AA");
        await BrowserJourneyTests.ContinueAsync(page);
        await page.GetByLabel("No, it is more than 30 mph", new() { Exact = true }).CheckAsync();
        await BrowserJourneyTests.ContinueAsync(page);
        await page.GetByLabel("Which road or street is it?").FillAsync("Ridge Road");
        await BrowserJourneyTests.ContinueAsync(page);
        await page.GetByLabel("Monday", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Night", new() { Exact = true }).CheckAsync();
        await BrowserJourneyTests.ContinueAsync(page);
        await page.GetByLabel("What have you seen?").FillAsync("Motorbikes racing at night.");
        await BrowserJourneyTests.ContinueAsync(page);
        await page.GetByLabel("Full name").FillAsync("Robin Resident");
        await page.GetByLabel("Email address").FillAsync(FailOnceEmailChannel.Address);
        await BrowserJourneyTests.ContinueAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await BrowserJourneyTests.ExpectHeadingAsync(page, "Report sent");
        return (await page.Locator("#reference").InnerTextAsync()).Trim();
    }

    private async Task WaitForAsync(IPage page, string path, string selector)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GotoAsync(new Uri(fixture.BaseAddress, path).ToString());
            if (await page.Locator(selector).CountAsync() > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{selector} not on /{path} after 30 s");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
