using System.Diagnostics;
using LocalGov.Postcodes.MapIt;
using LocalGov.Postcodes.PostcodesIo;
using LocalGov.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LocalGov.Postcodes.Tests.Operations;

/// <summary>The package's spans and metrics on loopback faults; alone, because the source and meter are process-wide.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTestsRunAlone;

[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests : IDisposable
{
    private const string ApiKey = "sk-mapit-0123456789abcdef";
    private readonly TelemetryCapture _telemetry = new("LocalGov.Postcodes");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _telemetry.Dispose();
    }

    [Fact]
    public async Task A_503_then_a_lookup_gives_one_span_with_two_attempts_and_no_postcode_in_any_tag()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(
            context => Interlocked.Increment(ref calls) == 1 ? Fixtures.WriteAsync(context, 503, "busy", "text/plain") : Fixtures.WriteAsync(context, 200, Fixtures.Ok(Fixtures.PostcodeJson("SW1A 1AA"))), Ct);
        await using var provider = Fixtures.Services(server.BaseAddress);

        await provider.GetRequiredService<PostcodesIoClient>().LookupAsync("SW1A 1AA", Ct);

        var span = Assert.Single(_telemetry.Spans);
        Assert.Equal("postcodes.io Lookup", span.DisplayName);
        Assert.Equal("postcodes.io", span.GetTagItem("localgov.service"));
        Assert.Equal("success", span.GetTagItem("localgov.outcome"));
        Assert.Equal(2, span.GetTagItem("localgov.attempts"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(server.BaseAddress.GetLeftPart(UriPartial.Authority) + "/postcodes/{…}", span.GetTagItem("url.full"));
        Assert.DoesNotContain(_telemetry.AllTagValues(), v => v.Contains("SW1A", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(1, _telemetry.Sum("localgov.postcodes.retries"));
        Assert.Equal(1, _telemetry.Sum("localgov.postcodes.requests"));
        Assert.Single(_telemetry.Of("localgov.postcodes.parse.duration"));
        Assert.Equal(0, _telemetry.Sum("localgov.postcodes.failures"));
    }

    [Fact]
    public async Task An_unknown_postcode_is_a_failure_counted_by_type_with_the_exception_on_the_span()
    {
        await using var server = await LoopbackServer.StartAsync(404, Fixtures.Error(404, "Postcode not found"), "application/json", Ct);
        await using var provider = Fixtures.Services(server.BaseAddress);

        await Assert.ThrowsAsync<PostcodeNotFoundException>(() => provider.GetRequiredService<PostcodesIoClient>().LookupAsync("ZZ9 9ZZ", Ct));

        var span = Assert.Single(_telemetry.Spans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("PostcodeNotFoundException", span.GetTagItem("error.type"));
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Contains(span.Events, e => e.Name == "exception");
        var failure = Assert.Single(_telemetry.Of("localgov.postcodes.failures"));
        Assert.Equal("PostcodeNotFoundException", failure.Tags["error.type"]);
        Assert.DoesNotContain(_telemetry.AllTagValues(), v => v.Contains("ZZ9", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_mapit_api_key_is_in_no_tag_even_when_the_call_fails()
    {
        string? keySeen = null;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            keySeen = context.Request.Headers["X-Api-Key"];
            return Fixtures.WriteAsync(context, 500, "{\"error\":\"boom\"}");
        }, Ct);
        await using var provider = Fixtures.Services(server.BaseAddress, apiKey: ApiKey);

        await Assert.ThrowsAnyAsync<PostcodesException>(() => provider.GetRequiredService<MapItClient>().GetPostcodeAsync("SW1A 1AA", Ct));

        Assert.Equal(ApiKey, keySeen);
        var span = Assert.Single(_telemetry.Spans);
        Assert.Equal("MapIt GetPostcode", span.DisplayName);
        Assert.Equal(4, span.GetTagItem("localgov.attempts"));
        Assert.Equal(3, _telemetry.Sum("localgov.postcodes.retries"));
        Assert.DoesNotContain(_telemetry.AllTagValues(), v => v.Contains(ApiKey, StringComparison.Ordinal) || v.Contains("SW1A", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_health_check_is_healthy_when_postcodes_io_is_ready_and_unhealthy_when_it_fails()
    {
        var up = true;
        await using var server = await LoopbackServer.StartAsync(
            context => Volatile.Read(ref up) ? Fixtures.WriteAsync(context, 200, Fixtures.Ok("\"ready\"")) : Fixtures.WriteAsync(context, 500, Fixtures.Error(500, "down")), Ct);
        var services = new ServiceCollection();
        services.AddPostcodesIoClient(o => o.BaseAddress = server.BaseAddress, r => { Fixtures.FastRetries(r); r.Retry.MaxRetryAttempts = 1; });
        services.AddHealthChecks().AddPostcodesIoHealthCheck(tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        var healthy = await health.CheckHealthAsync(Ct);
        Volatile.Write(ref up, false);
        var unhealthy = await health.CheckHealthAsync(Ct);

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Equal(500, unhealthy.Entries["postcodes-io"].Data["status"]);
        Assert.Contains(server.Requests, r => r.StartsWith("/ready", StringComparison.Ordinal));
    }

}
