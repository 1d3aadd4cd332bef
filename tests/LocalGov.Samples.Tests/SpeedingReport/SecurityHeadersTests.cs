using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>Every response carries the security headers; methods the journey does not use are 405, never a crash.</summary>
public sealed class SecurityHeadersTests(SpeedingReportFactory factory) : IClassFixture<SpeedingReportFactory>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/where", HttpStatusCode.OK)]
    [InlineData("/css/council.css", HttpStatusCode.OK)]
    [InlineData("/js/location-map.js", HttpStatusCode.OK)]
    [InlineData("/lib/leaflet/leaflet.js", HttpStatusCode.OK)]
    [InlineData("/map/boundaries.geojson", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/result", HttpStatusCode.Redirect)]
    public async Task Every_response_has_the_security_headers(string path, HttpStatusCode status)
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task The_policy_allows_scripts_from_the_site_only_and_no_framing()
    {
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri("/where/coordinates", UriKind.Relative), TestContext.Current.CancellationToken);
        var csp = Header(response, "Content-Security-Policy");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:;", csp, StringComparison.Ordinal);

        // No inline script on the page: every <script> has a src.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "<script"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "<script src=\"/[^\"]+\"></script>"));
    }

    [Fact]
    public async Task A_configured_tile_host_is_allowed_for_images()
    {
        await using var tiles = new ConfiguredFactory(new Dictionary<string, string?>
        {
            ["SpeedingReport:Map:TileUrlTemplate"] = "https://{s}.tile.example.org/{z}/{x}/{y}.png",
            ["SpeedingReport:Map:TileAttribution"] = "© Example contributors",
        });
        using var http = tiles.CreateClient();

        using var response = await http.GetAsync(new Uri("/where", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("img-src 'self' data: https://*.tile.example.org;", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("data-tile-url=\"https://{s}.tile.example.org/{z}/{x}/{y}.png\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_page_has_the_security_headers()
    {
        await using var failing = new FailingFactory();
        using var http = failing.CreateClient();

        using var response = await http.GetAsync(new Uri("/fails", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Sorry, there is a problem with the service", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        AssertHeaders(response);
    }

    [Theory]
    [InlineData("TRACE", "/result")]
    [InlineData("TRACE", "/where")]
    [InlineData("PUT", "/where")]
    [InlineData("DELETE", "/check")]
    [InlineData("PATCH", "/question/speed-limit")]
    [InlineData("OPTIONS", "/")]
    [InlineData("PUT", "/css/council.css")]
    public async Task Other_methods_are_405_not_a_crash(string method, string path)
    {
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow);
        AssertHeaders(response);
    }

    [Fact]
    public async Task A_post_with_a_token_to_a_page_without_a_post_handler_is_405()
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        await journey.FinishAsync();

        // /result has no POST handler; with a valid token this used to render the page without its model.
        var response = await journey.PostWithTokenFromAsync("/", "/result");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_secure_and_hsts_is_sent()
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://speeding.council.example/"), AllowAutoRedirect = false, HandleCookies = false });

        var cookies = await CookiesFromFreshSessionAsync(http);
        using var response = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Over_http_the_cookies_are_not_marked_secure_and_there_is_no_hsts()
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var cookies = await CookiesFromFreshSessionAsync(http);

        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        using var response = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_map_boundaries_are_wgs84_geojson_with_every_parish_and_district()
    {
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri("/map/boundaries.geojson", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        var names = features.Select(f => (f.GetProperty("properties").GetProperty("kind").GetString(), f.GetProperty("properties").GetProperty("name").GetString())).ToList();
        Assert.Contains(("parish", "Ashcombe"), names);
        Assert.Contains(("parish", "Brookfield"), names);
        Assert.Contains(("district", "Demo Vale"), names);
        var ashcombe = features.Single(f => f.GetProperty("properties").GetProperty("name").GetString() == "Ashcombe");
        Assert.Equal("MultiPolygon", ashcombe.GetProperty("geometry").GetProperty("type").GetString());
        var ring = ashcombe.GetProperty("geometry").GetProperty("coordinates")[0][0].EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
        Assert.Contains((-1.1, 51.95), ring);
        Assert.Contains((-1.0, 52.0), ring);
    }

    private static async Task<List<string>> CookiesFromFreshSessionAsync(HttpClient http)
    {
        // A GET gives the antiforgery cookie; a valid POST stores the session and gives its cookie.
        using var page = await http.GetAsync(new Uri("/where", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/where", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("postcode", "DM1 1AA"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        using var post = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        cookies.AddRange(post.Headers.TryGetValues("Set-Cookie", out var more) ? more : []);
        Assert.Contains(cookies, c => c.StartsWith(".SpeedingReport.Session=", StringComparison.Ordinal));
        return cookies;
    }

    private static void AssertHeaders(HttpResponseMessage response)
    {
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");

    /// <summary>The app with a fault behind every address it does not map, so the exception handler answers.</summary>
    private sealed class FailingFactory : SpeedingReportFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ThrowAfterThePipeline()));
        }
    }

    private sealed class ThrowAfterThePipeline : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((RequestDelegate following) => context => throw new InvalidOperationException("the test's fault"));
        };
    }
}
