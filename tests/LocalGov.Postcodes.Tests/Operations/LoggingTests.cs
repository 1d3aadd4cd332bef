using LocalGov.Postcodes.MapIt;
using LocalGov.Postcodes.PostcodesIo;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LocalGov.Postcodes.Tests.Operations;

/// <summary>The package's own log events on loopback faults: each fault has its event id, and no postcode or API key is logged.</summary>
public sealed class LoggingTests
{
    private const string ApiKey = "sk-mapit-fedcba9876543210";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_error_after_retries_logs_each_retry_and_one_service_error_without_the_postcode()
    {
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 500, Fixtures.Error(500, "Internal error for SW1A 1AA")), Ct);
        var (provider, logs) = Services(server.BaseAddress);
        await using var _ = provider;

        await Assert.ThrowsAnyAsync<PostcodesServiceException>(() => provider.GetRequiredService<PostcodesIoClient>().LookupAsync("SW1A 1AA", Ct));

        var records = logs.GetSnapshot();
        Assert.Equal(3, records.Count(r => r.Id.Id == 1601));
        var failure = Assert.Single(records, r => r.Id.Id == 1605);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Equal("PostcodesServiceError", failure.Id.Name);
        Assert.Equal("LocalGov.Postcodes", failure.Category);
        Assert.Contains("HTTP 500", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Lookup", failure.Message, StringComparison.Ordinal);
        AssertNothingPersonal(records, "SW1A");
    }

    [Fact]
    public async Task A_response_that_is_not_the_documented_json_logs_an_invalid_response_without_the_body()
    {
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 200, "{\"status\":200,\"result\":{\"postcode\":\"SW1A 1AA\",\"latitude\":\"north\""), Ct);
        var (provider, logs) = Services(server.BaseAddress);
        await using var _ = provider;

        await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => provider.GetRequiredService<PostcodesIoClient>().LookupAsync("SW1A 1AA", Ct));

        var record = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1604);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains("HTTP 200", record.Message, StringComparison.Ordinal);
        AssertNothingPersonal(logs.GetSnapshot(), "SW1A");
    }

    [Fact]
    public async Task An_unknown_postcode_is_logged_at_debug_only_and_without_the_postcode()
    {
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 404, Fixtures.Error(404, "Postcode not found")), Ct);
        var (provider, logs) = Services(server.BaseAddress);
        await using var _ = provider;

        await Assert.ThrowsAsync<PostcodeNotFoundException>(() => provider.GetRequiredService<PostcodesIoClient>().LookupAsync("ZZ9 9ZZ", Ct));

        var record = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1607);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        AssertNothingPersonal(logs.GetSnapshot(), "ZZ9");
    }

    [Fact]
    public async Task No_server_at_all_logs_each_retry_then_no_response_with_the_cause()
    {
        Uri gone;
        await using (var server = await LoopbackServer.StartAsync(200, "{}", "application/json", Ct))
        {
            gone = server.BaseAddress;
        }

        var (provider, logs) = Services(gone);
        await using var _ = provider;

        await Assert.ThrowsAsync<PostcodesTransportException>(() => provider.GetRequiredService<PostcodesIoClient>().LookupAsync("SW1A 1AA", Ct));

        var record = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1603);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains(nameof(HttpRequestException), record.Message, StringComparison.Ordinal);
        Assert.Equal(3, logs.GetSnapshot().Count(r => r.Id.Id == 1601));
        AssertNothingPersonal(logs.GetSnapshot(), "SW1A");
    }

    [Fact]
    public async Task A_rate_limit_longer_than_the_cap_is_logged_with_the_wait_asked_for()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return Fixtures.WriteAsync(context, 429, Fixtures.Error(429, "Too many requests"));
        }, Ct);
        var (provider, logs) = Services(server.BaseAddress);
        await using var _ = provider;

        await Assert.ThrowsAsync<PostcodesRateLimitedException>(() => provider.GetRequiredService<PostcodesIoClient>().LookupAsync("SW1A 1AA", Ct));

        var record = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1606);
        Assert.Contains("3600 s", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id == 1601);
    }

    [Fact]
    public async Task A_failing_mapit_call_never_logs_the_api_key_or_the_postcode()
    {
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 502, "<html>Bad gateway</html>", "text/html"), Ct);
        var (provider, logs) = Services(server.BaseAddress, apiKey: ApiKey);
        await using var _ = provider;

        await Assert.ThrowsAnyAsync<PostcodesException>(() => provider.GetRequiredService<MapItClient>().GetPostcodeAsync("SW1A 1AA", Ct));

        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id is 1605 or 1604 && r.Message.Contains("MapIt", StringComparison.Ordinal));
        AssertNothingPersonal(logs.GetSnapshot(), "SW1A", ApiKey);
    }

    [Fact]
    public async Task A_client_built_without_di_logs_to_the_logger_it_is_given()
    {
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 404, Fixtures.Error(404, "Postcode not found")), Ct);
        var logger = new FakeLogger();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new PostcodesIoClient(http, logger: logger);

        await Assert.ThrowsAsync<PostcodeNotFoundException>(() => client.LookupAsync("ZZ9 9ZZ", Ct));

        Assert.Equal(1607, logger.LatestRecord.Id.Id);
    }

    [Fact]
    public async Task A_failed_health_check_is_logged_with_the_error_type()
    {
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 500, Fixtures.Error(500, "down")), Ct);
        var services = new ServiceCollection();
        services.AddFakeLogging().AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        services.AddPostcodesIoClient(o => o.BaseAddress = server.BaseAddress, r => { Fixtures.FastRetries(r); r.Retry.MaxRetryAttempts = 1; });
        services.AddHealthChecks().AddPostcodesIoHealthCheck();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        var record = Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1602);
        Assert.Contains(nameof(PostcodesServiceException), record.Message, StringComparison.Ordinal);
    }

    private static (ServiceProvider Provider, FakeLogCollector Logs) Services(Uri baseAddress, string? apiKey = null)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging().AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        services.AddPostcodesIoClient(o => o.BaseAddress = baseAddress, Fixtures.FastRetries);
        services.AddMapItClient(
            o =>
            {
                o.BaseAddress = baseAddress;
                o.ApiKey = apiKey;
            },
            Fixtures.FastRetries);
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetFakeLogCollector());
    }

    /// <summary>No message, structured value or attached exception of the package's own events holds any of <paramref name="forbidden"/>.</summary>
    private static void AssertNothingPersonal(IReadOnlyList<FakeLogRecord> records, params string[] forbidden)
    {
        var own = records.Where(r => r.Category == "LocalGov.Postcodes").ToList();
        Assert.NotEmpty(own);
        foreach (var record in own)
        {
            var texts = new List<string> { record.Message, record.Exception?.ToString() ?? string.Empty };
            texts.AddRange(record.StructuredState?.Select(p => p.Value ?? string.Empty) ?? []);
            foreach (var text in texts)
            {
                Assert.DoesNotContain(forbidden, f => text.Contains(f, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
