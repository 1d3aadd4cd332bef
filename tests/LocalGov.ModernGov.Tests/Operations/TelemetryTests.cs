using System.Diagnostics;
using LocalGov.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LocalGov.ModernGov.Tests.Operations;

/// <summary>Spans, metrics and health checks on loopback faults.</summary>
public sealed class TelemetryTests
{
    private static (ServiceProvider Provider, IModernGovClient Client) Create(LoopbackServer server, string council, int retries = 3)
    {
        var services = new ServiceCollection();
        services.AddModernGov(council, o =>
        {
            o.BaseUrl = server.BaseAddress;
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetryAttempts = retries;
            o.Timeout = TimeSpan.FromSeconds(20);
        });
        services.AddHealthChecks().AddModernGovHealthCheck(council, tags: ["ready"]);
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IModernGovClientFactory>().GetClient(council));
    }

    [Fact]
    public async Task Two_503s_then_a_200_give_one_successful_span_with_three_attempts_and_two_retries_counted()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(
            context => Interlocked.Increment(ref calls) <= 2 ? Council.Write(context, 503, "<html><body>Busy</body></html>", "text/html") : Council.Write(context, 200, Council.Committees),
            TestContext.Current.CancellationToken);
        var council = Council.UniqueName("retry");
        using var capture = CaptureFor(council);
        var (provider, client) = Create(server, council);
        using var _ = provider;

        await client.GetCommitteesAsync(TestContext.Current.CancellationToken);

        var span = Assert.Single(capture.Spans);
        Assert.Equal("ModernGov GetCommittees", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GetCommittees", span.GetTagItem("localgov.operation"));
        Assert.Equal("success", span.GetTagItem("localgov.outcome"));
        Assert.Equal(3, span.GetTagItem("localgov.attempts"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(server.BaseAddress + "mgWebService.asmx/GetCommittees", span.GetTagItem("url.full"));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.Equal(2, span.Events.Count(e => e.Name == "retry"));

        Assert.Equal(2, capture.Of("localgov.moderngov.retries").Sum(m => m.Value));
        var request = Assert.Single(capture.Of("localgov.moderngov.requests"));
        Assert.Equal("success", request.Tags["localgov.outcome"]);
        Assert.Single(capture.Of("localgov.moderngov.request.duration"));
        Assert.Equal(Council.Committees.Length, Assert.Single(capture.Of("localgov.moderngov.response.size")).Value);
        Assert.Single(capture.Of("localgov.moderngov.parse.duration"));
        Assert.Empty(capture.Of("localgov.moderngov.failures"));
    }

    [Fact]
    public async Task An_html_page_gives_an_error_span_with_the_exception_and_a_failure_counted_by_type()
    {
        await using var server = await LoopbackServer.StartAsync(200, "<html><head><title>Council</title></head><body>Welcome</body></html>", "text/html", TestContext.Current.CancellationToken);
        var council = Council.UniqueName("html");
        using var capture = CaptureFor(council);
        var (provider, client) = Create(server, council);
        using var _ = provider;

        await Assert.ThrowsAsync<ModernGovUnexpectedContentException>(() => client.GetMeetingAsync(4967, TestContext.Current.CancellationToken));

        var span = Assert.Single(capture.Spans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("ModernGovUnexpectedContentException", span.GetTagItem("error.type"));
        Assert.Equal(1, span.GetTagItem("localgov.attempts"));
        var exception = Assert.Single(span.Events, e => e.Name == "exception");
        Assert.Equal(typeof(ModernGovUnexpectedContentException).FullName, exception.Tags.First(t => t.Key == "exception.type").Value);
        var failure = Assert.Single(capture.Of("localgov.moderngov.failures"));
        Assert.Equal("ModernGovUnexpectedContentException", failure.Tags["error.type"]);
        Assert.Equal("GetMeeting", failure.Tags["localgov.operation"]);
    }

    [Fact]
    public async Task A_resident_postcode_sent_to_the_council_is_in_no_tag_or_event()
    {
        await using var server = await LoopbackServer.StartAsync(200, "<councillorsbypostcode></councillorsbypostcode>", cancellationToken: TestContext.Current.CancellationToken);
        var council = Council.UniqueName("postcode");
        using var capture = CaptureFor(council);
        var (provider, client) = Create(server, council);
        using var _ = provider;

        await client.GetCouncillorsByPostcodeAsync("SW1A 1AA", TestContext.Current.CancellationToken);

        var span = Assert.Single(capture.Spans);
        var values = span.TagObjects.Select(t => t.Value?.ToString() ?? string.Empty)
            .Concat(span.Events.SelectMany(e => e.Tags).Select(t => t.Value?.ToString() ?? string.Empty))
            .Concat(capture.Measurements.SelectMany(m => m.Tags.Values).Select(v => v?.ToString() ?? string.Empty));
        Assert.DoesNotContain(values, v => v.Contains("SW1A", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(server.Requests, r => r.Contains("SW1A", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stale_cache_reads_are_counted()
    {
        var up = true;
        await using var server = await Council.StartSwitchableAsync(Council.Parishes, () => Volatile.Read(ref up));
        var council = Council.UniqueName("cachecount");
        using var capture = CaptureFor(council);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddModernGov(council, o => { o.BaseUrl = server.BaseAddress; o.MaxRetryAttempts = 0; });
        services.AddModernGovCache();
        await using var provider = services.BuildServiceProvider();
        var cache = provider.GetRequiredService<IModernGovCache>();

        await cache.GetParishCouncilsAsync(council, TestContext.Current.CancellationToken);
        await cache.GetParishCouncilsAsync(council, TestContext.Current.CancellationToken);
        Volatile.Write(ref up, false);
        time.Advance(TimeSpan.FromHours(13));
        await cache.GetParishCouncilsAsync(council, TestContext.Current.CancellationToken);

        Assert.Equal(["miss", "hit", "stale"], capture.Of("localgov.moderngov.cache.reads").Select(m => (string)m.Tags["localgov.cache.result"]!));
    }

    [Fact]
    public async Task The_health_check_is_healthy_when_the_council_answers_and_degraded_when_it_fails()
    {
        var up = true;
        await using var server = await Council.StartSwitchableAsync(Council.Committees, () => Volatile.Read(ref up));
        var council = Council.UniqueName("health");
        var (provider, _) = Create(server, council, retries: 0);
        using var __ = provider;
        var health = provider.GetRequiredService<HealthCheckService>();

        var healthy = await health.CheckHealthAsync(TestContext.Current.CancellationToken);
        Volatile.Write(ref up, false);
        var degraded = await health.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(1, healthy.Entries["moderngov-" + council].Data["items"]);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        var entry = degraded.Entries["moderngov-" + council];
        Assert.Equal("ModernGovHttpException", entry.Data["error"]);
        Assert.Equal(503, entry.Data["status"]);
        Assert.DoesNotContain("Service Unavailable", entry.Description, StringComparison.Ordinal);
    }

    // The source and meter are process-wide and tests run in parallel: each test keeps only its own council's telemetry.
    private static TelemetryCapture CaptureFor(string council) => new(
        "LocalGov.ModernGov",
        span => span.GetTagItem("localgov.council") as string == council,
        tags => tags.TryGetValue("localgov.council", out var tagged) && tagged as string == council);
}
