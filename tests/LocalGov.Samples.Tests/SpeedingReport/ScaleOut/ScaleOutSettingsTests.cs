using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LocalGov.Samples.Tests.SpeedingReport.ScaleOut;

/// <summary>The scale-out settings checked at start, Redis away at start, and the key ring kept in the SQLite store.</summary>
public sealed partial class ScaleOutSettingsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localgov-speeding-tests", "keys-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("redis:6379,notAnOption=1", "ConnectionStrings:Redis is not a Redis configuration string")]
    [InlineData(",password=secret", "ConnectionStrings:Redis names no server")]
    public async Task A_redis_string_that_cannot_be_used_is_one_clear_line_and_exit_code_1(string redis, string expected)
    {
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["ConnectionStrings:Redis"] = redis });

        Assert.Equal(1, await app.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        var line = Assert.Single(app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"SpeedingReport cannot start: {expected}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_redis_unreachable_the_app_starts_and_is_not_ready_saying_redis()
    {
        // A closed loopback port: nothing listens there.
        await using var factory = new ConfiguredFactory(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "127.0.0.1:9,connectTimeout=1000" });
        using var client = factory.CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var redis = json.RootElement.GetProperty("checks").GetProperty("redis");
        Assert.Equal("Unhealthy", redis.GetProperty("status").GetString());
        Assert.StartsWith("Redis (the shared session)", redis.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:9", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_redis_there_is_no_redis_check_and_the_app_is_ready()
    {
        await using var factory = new SpeedingReportFactory();
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.False(json.RootElement.GetProperty("checks").TryGetProperty("redis", out _));
    }

    [Fact]
    public async Task On_sqlite_the_keys_are_in_the_store_so_a_form_from_before_a_restart_is_accepted_after_it()
    {
        string token;
        string cookies;
        await using (var before = new ConfiguredFactory(new Dictionary<string, string?> { ["SpeedingReport:DataDirectory"] = _folder }))
        {
            using var client = before.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var page = await client.GetAsync(new Uri("/where", UriKind.Relative), TestContext.Current.CancellationToken);
            token = WebUtility.HtmlDecode(TokenRegex().Match(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value);
            cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            await using var db = await before.StoreAsync();
            Assert.NotEmpty(await db.DataProtectionKeys.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        }

        // A new process on the same store: the antiforgery cookie and form token made before are still valid.
        await using var after = new ConfiguredFactory(new Dictionary<string, string?> { ["SpeedingReport:DataDirectory"] = _folder });
        using var again = after.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/where", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("postcode", "DM1 1AA"), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", cookies);
        using var answer = await again.SendAsync(post, TestContext.Current.CancellationToken);

        // Refused, it would be 400; accepted, the postcode is taken and the journey goes on.
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.NotEqual("/where", answer.Headers.Location?.OriginalString);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
