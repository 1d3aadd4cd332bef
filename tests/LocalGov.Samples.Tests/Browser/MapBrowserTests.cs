using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LocalGov.Samples.Tests.Browser;

/// <summary>The location map where JavaScript runs (Leaflet over the parish boundaries), and the same pages without it.</summary>
public sealed class MapBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    [Fact(Timeout = BrowserFixture.TestTimeoutMs)]
    public async Task A_click_on_the_map_fills_the_coordinates_and_the_journey_continues()
    {
        var (page, problems) = await NewPageAsync(javaScript: true);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "where/coordinates").ToString());
        await page.Locator("[data-map-ready=\"true\"]").WaitForAsync();
        Assert.True(await page.Locator("#location-map").IsVisibleAsync());
        Assert.Equal(2, await page.Locator("path.leaflet-interactive").CountAsync());
        await AssertAccessibleAsync(page);

        // Ashcombe is the first parish drawn: a click in it drops the pin and fills both inputs.
        await page.Locator("path.leaflet-interactive").First.ClickAsync();
        await page.Locator(".leaflet-marker-icon").WaitForAsync();
        var latitude = double.Parse(await page.GetByLabel("Latitude").InputValueAsync(), CultureInfo.InvariantCulture);
        var longitude = double.Parse(await page.GetByLabel("Longitude").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(latitude, 51.95, 52.0);
        Assert.InRange(longitude, -1.1, -1.0);
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await ExpectHeadingAsync(page, "Is the speed limit on the road 30 mph or less?");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();

        // Back on the page, the pin is where it was.
        await page.Locator("[data-map-ready=\"true\"]").WaitForAsync();
        Assert.Equal(1, await page.Locator(".leaflet-marker-icon").CountAsync());
        AssertNoProblems(problems);
    }

    [Fact(Timeout = BrowserFixture.TestTimeoutMs)]
    public async Task On_the_postcode_page_a_place_on_the_map_is_used_instead_of_a_postcode()
    {
        var (page, problems) = await NewPageAsync(javaScript: true);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "where").ToString());
        await page.Locator("[data-map-ready=\"true\"]").WaitForAsync();
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Continue with the place on the map" }).IsVisibleAsync());
        await AssertAccessibleAsync(page);

        // Brookfield, the second parish.
        await page.Locator("path.leaflet-interactive").Nth(1).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue with the place on the map" }).ClickAsync();

        await ExpectHeadingAsync(page, "Is the speed limit on the road 30 mph or less?");
        await page.GetByLabel("Yes, 30 mph or less", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await page.GetByLabel("A single location", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await BrowserJourneyTests.ReportPagesAsync(page, []);

        await ExpectHeadingAsync(page, "Check your answers before sending your report");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Coordinates", main, StringComparison.Ordinal);
        Assert.Contains("Brookfield parish, Demo Vale", main, StringComparison.Ordinal);
        AssertNoProblems(problems);
    }

    [Fact(Timeout = BrowserFixture.TestTimeoutMs)]
    public async Task A_coordinates_error_with_the_map_shown_is_accessible()
    {
        var (page, problems) = await NewPageAsync(javaScript: true);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "where/coordinates").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await page.Locator("[data-map-ready=\"true\"]").WaitForAsync();

        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        AssertNoProblems(problems);
    }

    [Fact(Timeout = BrowserFixture.TestTimeoutMs)]
    public async Task Without_javascript_there_is_no_map_and_the_same_journey_works()
    {
        var (page, problems) = await NewPageAsync(javaScript: false);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "where").ToString());
        Assert.False(await page.Locator("#location-map").IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Continue with the place on the map" }).IsVisibleAsync());
        await AssertAccessibleWithoutScriptsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "I do not know the postcode: enter coordinates instead" }).ClickAsync();

        await ExpectHeadingAsync(page, "What are the coordinates of where the speeding happens?");
        Assert.False(await page.Locator("#location-map").IsVisibleAsync());
        await AssertAccessibleWithoutScriptsAsync(page);
        await page.GetByLabel("Latitude").FillAsync("51.975");
        await page.GetByLabel("Longitude").FillAsync("-1.05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        await ExpectHeadingAsync(page, "Is the speed limit on the road 30 mph or less?");
        AssertNoProblems(problems);
    }

    [Fact(Timeout = BrowserFixture.TestTimeoutMs)]
    public async Task Outside_every_parish_a_place_on_the_map_goes_straight_to_the_report_pages()
    {
        var (page, problems) = await NewPageAsync(javaScript: true);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "where/coordinates").ToString());
        await page.Locator("[data-map-ready=\"true\"]").WaitForAsync();

        // The map fits the district (latitude 51.90 to 52.00; parishes above 51.95): 70% of the way down is in neither parish.
        var box = (await page.Locator("#location-map").BoundingBoxAsync())!;
        await page.Locator("#location-map").ClickAsync(new() { Position = new() { X = box.Width / 2, Y = box.Height * 0.7f } });
        var latitude = double.Parse(await page.GetByLabel("Latitude").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(latitude, 51.90, 51.95);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await BrowserJourneyTests.ReportPagesAsync(page, []);

        await ExpectHeadingAsync(page, "Check your answers before sending your report");
        Assert.Contains("Demo Vale (not in a parish)", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        AssertNoProblems(problems);
    }

    private async Task<(IPage Page, List<string> Problems)> NewPageAsync(bool javaScript)
    {
        if (fixture.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        // A Content-Security-Policy violation, a script error or a failed request is a failure of the page.
        page.Console += (_, message) =>
        {
            // The browser's own request for /favicon.ico (the pages name no icon) is not the page's, nor its fallback
            // request for the GDS Transport files, which the app does not serve by design (see IsGdsTransport).
            if (message.Type is "error" or "warning" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal) && !message.Location.Contains("/assets/fonts/", StringComparison.Ordinal))
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) =>
        {
            if (!BrowserJourneyTests.IsGdsTransport(request.Url))
            {
                problems.Add($"failed {request.Url}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal) && !BrowserJourneyTests.IsGdsTransport(response.Url))
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        return (page, problems);
    }

    private static void AssertNoProblems(List<string> problems) =>
        Assert.True(problems.Count == 0, string.Join("\n", problems));

    private static async Task ExpectHeadingAsync(IPage page, string heading) =>
        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());

    /// <summary>
    /// axe runs as a script, and Playwright's evaluate never returns in a context with JavaScript disabled; so the page's
    /// URL is checked again in a context that blocks the page's own scripts, which leaves the same markup.
    /// </summary>
    private async Task AssertAccessibleWithoutScriptsAsync(IPage noScriptPage)
    {
        var context = await fixture.Browser.NewContextAsync();
        try
        {
            await context.RouteAsync("**/*.js", route => route.AbortAsync());
            var page = await context.NewPageAsync();
            await page.GotoAsync(noScriptPage.Url);
            Assert.False(await page.Locator("#location-map").IsVisibleAsync());
            await AssertAccessibleAsync(page);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            serious.Count == 0,
            $"{page.Url}: {string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}"))}");
        Assert.NotEmpty(result.Passes);
    }
}
