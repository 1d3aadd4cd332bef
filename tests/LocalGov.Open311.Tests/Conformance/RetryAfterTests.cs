using System.Globalization;
using LocalGov.Testing.Open311;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Open311.Tests.Conformance;

/// <summary>A server's Retry-After: on the typed error for the caller to schedule by, and waited for in the call only when short.</summary>
public sealed class RetryAfterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Provider(GeoReportServer server)
    {
        var services = new ServiceCollection();
        services.AddOpen311Client(
            o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.ApiKey = "test-key";
                o.Timeout = TimeSpan.FromSeconds(5);
            },
            r =>
            {
                r.Retry.Delay = TimeSpan.FromMilliseconds(5);
                r.Retry.UseJitter = false;
            });
        return services.BuildServiceProvider();
    }

    private static Open311Submission Speeding() => new()
    {
        ServiceCode = "SPEED",
        Latitude = 51.752,
        Longitude = -1.2577,
        Description = "Cars racing past the school",
        Attributes = new Dictionary<string, IReadOnlyList<string>> { ["road_type"] = ["main"] },
    };

    [Fact]
    public async Task Without_di_a_429_carries_the_seconds_it_asked_for()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.RetryAfterNext(1, "120", description: "Rate limit: 60 a minute");
        var client = new Open311Client(new HttpClient(), new Open311ClientOptions { BaseAddress = server.BaseAddress, ApiKey = "test-key" });

        var error = await Assert.ThrowsAsync<Open311ServiceException>(() => client.SubmitRequestAsync(Speeding(), Ct));

        Assert.Equal(429, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Equal("Rate limit: 60 a minute", error.Descriptions);
        Assert.Contains("retry after 120 s", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public async Task A_malformed_retry_after_is_ignored_not_a_crash(string header)
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.RetryAfterNext(1, header, status: 503);
        var client = new Open311Client(new HttpClient(), new Open311ClientOptions { BaseAddress = server.BaseAddress });

        var error = await Assert.ThrowsAsync<Open311ServiceException>(() => client.GetServicesAsync(Ct));

        Assert.Equal(503, error.StatusCode);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task A_date_in_the_past_is_no_wait_and_one_far_ahead_is_kept_as_sent()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        var client = new Open311Client(new HttpClient(), new Open311ClientOptions { BaseAddress = server.BaseAddress });

        server.RetryAfterNext(1, "Wed, 21 Oct 2015 07:28:00 GMT", status: 503);
        Assert.Equal(TimeSpan.Zero, (await Assert.ThrowsAsync<Open311ServiceException>(() => client.GetServicesAsync(Ct))).RetryAfter);

        server.RetryAfterNext(1, "Fri, 31 Dec 9999 23:59:59 GMT", status: 503);
        var far = await Assert.ThrowsAsync<Open311ServiceException>(() => client.GetServicesAsync(Ct));
        Assert.True(far.RetryAfter > TimeSpan.FromDays(365 * 7000), far.RetryAfter?.ToString());
    }

    [Fact]
    public async Task With_di_a_long_retry_after_is_not_waited_for_in_the_call()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.RetryAfterNext(1, "3600");
        await using var provider = Provider(server);

        var error = await Assert.ThrowsAsync<Open311ServiceException>(() => provider.GetRequiredService<Open311Client>().SubmitRequestAsync(Speeding(), Ct));

        Assert.Equal((429, TimeSpan.FromHours(1)), (error.StatusCode, error.RetryAfter));
        Assert.Single(server.Calls);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task With_di_a_long_retry_after_on_a_get_is_not_waited_for_either()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.RetryAfterNext(1, DateTimeOffset.UtcNow.AddMinutes(10).ToString("R", CultureInfo.InvariantCulture), status: 503);
        await using var provider = Provider(server);

        var error = await Assert.ThrowsAsync<Open311ServiceException>(() => provider.GetRequiredService<Open311Client>().GetServicesAsync(Ct));

        Assert.Equal(503, error.StatusCode);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.Single(server.Calls);
    }

    [Fact]
    public async Task With_di_a_short_retry_after_is_waited_for_and_the_post_then_made()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.RetryAfterNext(1, "1");
        await using var provider = Provider(server);
        var started = TimeProvider.System.GetTimestamp();

        var submitted = await provider.GetRequiredService<Open311Client>().SubmitRequestAsync(Speeding(), Ct);

        Assert.NotNull(submitted.ServiceRequestId);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "the handler waited the Retry-After");
        Assert.Equal(2, server.Calls.Count);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task With_di_a_malformed_retry_after_is_retried_with_the_handlers_own_backoff()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.RetryAfterNext(4, "soon", status: 503);
        await using var provider = Provider(server);

        var error = await Assert.ThrowsAsync<Open311ServiceException>(() => provider.GetRequiredService<Open311Client>().GetServicesAsync(Ct));

        Assert.Null(error.RetryAfter);
        Assert.Equal(4, server.Calls.Count);
    }
}
