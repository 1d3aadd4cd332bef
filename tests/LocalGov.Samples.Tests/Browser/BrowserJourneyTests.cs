using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LocalGov.Samples.Tests.Browser;

/// <summary>The whole journey in a real browser, with an axe-core check (WCAG 2.2 AA tags) of every page it shows.</summary>
public sealed class BrowserJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    [Fact(Timeout = BrowserFixture.TestTimeoutMs)]
    public async Task Parish_case_from_start_to_sent_report_with_every_page_accessible()
    {
        var page = await NewPageAsync();
        var checkedPages = new List<string>();
        var failures = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsGdsTransport(response.Url))
            {
                failures.Add($"{response.Status} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            if (!IsGdsTransport(request.Url))
            {
                failures.Add($"failed {request.Url}");
            }
        };

        await page.GotoAsync(fixture.BaseAddress.ToString());
        await AssertAccessibleAsync(page, checkedPages);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();

        await ExpectHeadingAsync(page, "What is the postcode where the speeding happens?");
        await AssertAccessibleAsync(page, checkedPages);
        await page.GetByLabel("What is the postcode where the speeding happens?").FillAsync("DM1 1AA");
        await ContinueAsync(page);

        await AnswerAsync(page, "Is the speed limit on the road 30 mph or less?", "Yes, 30 mph or less", checkedPages);
        await AnswerAsync(page, "Is the speeding at a single location or along a route?", "A single location", checkedPages);
        await AnswerAsync(page, "Does the parish run a Community Speedwatch scheme?", "Yes", checkedPages);
        await ReportPagesAsync(page, checkedPages);

        await ExpectHeadingAsync(page, "Check your answers before sending your report");
        await AssertAccessibleAsync(page, checkedPages);
        Assert.Contains("Ashcombe parish, Demo Vale", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("clerk@ashcombe-pc.demo.invalid", await page.Locator("#recipient").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Modern.Gov", await page.Locator("#contact-source").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        await ExpectHeadingAsync(page, "Report sent");
        await AssertAccessibleAsync(page, checkedPages);
        var reference = (await page.Locator("#reference").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9-]{6,}$", reference);
        Assert.Contains("Ashcombe", await page.Locator("#sent-to").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["/", "/where", "/question/speed-limit", "/question/extent", "/question/speedwatch", "/road", "/when", "/seen", "/contact", "/check", "/confirmation"], checkedPages);

        // The delivery worker sends in the background: in demo mode both emails land in the outbox.
        await WaitForOutboxAsync(page, reference, count: 2);
        await AssertAccessibleAsync(page, checkedPages);
        var outbox = await page.Locator("main").InnerTextAsync();
        Assert.Contains("clerk@ashcombe-pc.demo.invalid", outbox, StringComparison.Ordinal);
        Assert.Contains("pat@example.com", outbox, StringComparison.Ordinal);

        // Every stylesheet, image and page loaded (no font or asset missing).
        Assert.Empty(failures);
    }

    [Fact(Timeout = BrowserFixture.TestTimeoutMs)]
    public async Task District_case_by_coordinates_with_a_change_of_location()
    {
        var page = await NewPageAsync();
        var checkedPages = new List<string>();

        await page.GotoAsync(new Uri(fixture.BaseAddress, "where").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "I do not know the postcode: enter coordinates instead" }).ClickAsync();
        await ExpectHeadingAsync(page, "What are the coordinates of where the speeding happens?");
        await AssertAccessibleAsync(page, checkedPages);
        await page.GetByLabel("Latitude").FillAsync("51.92");
        await page.GetByLabel("Longitude").FillAsync("-1.0");
        await ContinueAsync(page);

        // Outside every parish the district deals with it whatever the answers: no question is asked.
        await ReportPagesAsync(page, checkedPages);
        await ExpectHeadingAsync(page, "Check your answers before sending your report");
        await AssertAccessibleAsync(page, checkedPages);
        Assert.Contains("Demo Vale (not in a parish)", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Change speed limit 30 mph or less" }).CountAsync());

        // Moved into a parish: now the speed limit can change the outcome, so it is asked; a fast road settles it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change location" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await page.GetByLabel("What is the postcode where the speeding happens?").FillAsync("DM1 1AA");
        await ContinueAsync(page);
        await AnswerAsync(page, "Is the speed limit on the road 30 mph or less?", "No, it is more than 30 mph", checkedPages);
        await ExpectHeadingAsync(page, "Check your answers before sending your report");
        Assert.Contains("roadsafety@demovale.demo.invalid", await page.Locator("#recipient").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("contact directory", await page.Locator("#contact-source").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        await ExpectHeadingAsync(page, "Report sent");
        await AssertAccessibleAsync(page, checkedPages);
        Assert.Contains("Demo Vale District Council", await page.Locator("#sent-to").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = BrowserFixture.TestTimeoutMs)]
    public async Task Error_pages_are_accessible_and_the_summary_links_to_the_field()
    {
        var page = await NewPageAsync();
        var checkedPages = new List<string>();

        await page.GotoAsync(new Uri(fixture.BaseAddress, "where").ToString());
        await ContinueAsync(page);
        await AssertErrorAsync(page, "Enter a postcode", "postcode", checkedPages);

        await page.GetByLabel("What is the postcode where the speeding happens?").FillAsync("DM9 9ZZ");
        await ContinueAsync(page);
        await AssertErrorAsync(page, "DM9 9ZZ is not in the Demo Vale District Council (DEMO) area", "postcode", checkedPages);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "where/coordinates").ToString());
        await page.GetByLabel("Latitude").FillAsync("north");
        await ContinueAsync(page);
        Assert.Equal(2, await page.Locator(".govuk-error-summary__list li").CountAsync());
        await AssertErrorAsync(page, "Latitude must be a number in decimal degrees, like 51.97", "latitude", checkedPages);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "where").ToString());
        await page.GetByLabel("What is the postcode where the speeding happens?").FillAsync("DM1 2BB");
        await ContinueAsync(page);
        await ContinueAsync(page);
        await AssertErrorAsync(page, "Select whether the speed limit is 30 mph or less", "answer", checkedPages);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "no-such-page").ToString());
        await ExpectHeadingAsync(page, "Page not found");
        await AssertAccessibleAsync(page, checkedPages);
    }

    [Fact(Timeout = BrowserFixture.TestTimeoutMs)]
    public async Task The_accessibility_check_finds_a_serious_violation_when_there_is_one()
    {
        var page = await NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Unlabelled</title></head><body><main><input type=\"text\"></main></body></html>");

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });

        Assert.Contains(result.Violations, v => v.Id == "label" && v.Impact is "serious" or "critical");
    }

    private async Task<IPage> NewPageAsync()
    {
        if (fixture.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true });
        return await context.NewPageAsync();
    }

    private static async Task AnswerAsync(IPage page, string question, string option, List<string> checkedPages)
    {
        await ExpectHeadingAsync(page, question);
        await AssertAccessibleAsync(page, checkedPages);
        await page.GetByLabel(option, new() { Exact = true }).CheckAsync();
        await ContinueAsync(page);
    }

    /// <summary>
    /// GOV.UK Frontend's own faces for GDS Transport, which a council service must not use and the app does not serve (404 by
    /// design, as JourneyTests checks). council.css maps the name to a local Arial or Liberation Sans; on a machine with
    /// neither, chromium falls back to the earlier faces and asks for these files, which is harmless.
    /// </summary>
    internal static bool IsGdsTransport(string url) => new Uri(url).AbsolutePath.StartsWith("/assets/fonts/", StringComparison.Ordinal);

    /// <summary>Road, when, seen and contact, each checked for accessibility; ends on the check page.</summary>
    internal static async Task ReportPagesAsync(IPage page, List<string> checkedPages)
    {
        await ExpectHeadingAsync(page, "Which road or street is it?");
        await AssertAccessibleAsync(page, checkedPages);
        await page.GetByLabel("Which road or street is it?").FillAsync("High Street");
        await page.GetByLabel("Where on the road is it? (optional)").FillAsync("By the school");
        await ContinueAsync(page);

        await ExpectHeadingAsync(page, "When does the speeding happen?");
        await AssertAccessibleAsync(page, checkedPages);
        await page.GetByLabel("Monday", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Morning", new() { Exact = true }).CheckAsync();
        await ContinueAsync(page);

        await ExpectHeadingAsync(page, "What have you seen?");
        await AssertAccessibleAsync(page, checkedPages);
        await page.GetByLabel("What have you seen?").FillAsync("Cars at 50 mph every morning.");
        await ContinueAsync(page);

        await ExpectHeadingAsync(page, "Your contact details");
        await AssertAccessibleAsync(page, checkedPages);
        await page.GetByLabel("Full name").FillAsync("Pat Resident");
        await page.GetByLabel("Email address").FillAsync("pat@example.com");
        await ContinueAsync(page);
    }

    private async Task WaitForOutboxAsync(IPage page, string reference, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GotoAsync(new Uri(fixture.BaseAddress, "demo/outbox").ToString());
            await ExpectHeadingAsync(page, "Demo outbox");
            var found = await page.Locator($"[data-reference=\"{reference}\"]").CountAsync();
            if (found >= count)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{found} of {count} messages for {reference} in the demo outbox after 30 s");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    internal static Task ContinueAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

    internal static async Task ExpectHeadingAsync(IPage page, string heading) =>
        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());

    private static async Task AssertErrorAsync(IPage page, string message, string field, List<string> checkedPages)
    {
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        var link = page.Locator(".govuk-error-summary__list a", new() { HasText = message });
        Assert.Equal(1, await link.CountAsync());
        await AssertAccessibleAsync(page, checkedPages);

        // Following the summary's link reaches the field.
        await link.ClickAsync();
        Assert.Equal(field, await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    internal static async Task AssertAccessibleAsync(IPage page, List<string> checkedPages)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            serious.Count == 0,
            $"{page.Url}: {string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}"))}");
        Assert.NotEmpty(result.Passes);
        checkedPages.Add(new Uri(page.Url).AbsolutePath);
    }
}
