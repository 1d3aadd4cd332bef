using System.Diagnostics;
using System.Globalization;
using CsCheck;
using LocalGov.Postcodes.MapIt;
using LocalGov.Postcodes.PostcodesIo;
using LocalGov.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LocalGov.Postcodes.Tests.Robustness;

/// <summary>Remote values out of range, and settings that could split headers or wait for ever, end in typed errors.</summary>
public sealed class HostileRemoteValueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_retry_after_beyond_the_cap_is_not_waited_for()
    {
        // Far-future dates and huge deltas, as a hostile or broken server might send.
        var values = Gen.OneOf(
            Gen.Int[2030, 9999].Select(y => new DateTimeOffset(y, 1, 1, 0, 0, 0, TimeSpan.Zero).ToString("R", CultureInfo.InvariantCulture)),
            Gen.Int[31, int.MaxValue].Select(s => s.ToString(CultureInfo.InvariantCulture)));
        await values.SampleAsync(async retryAfter =>
        {
            var requests = 0;
            await using var server = await LoopbackServer.StartAsync(
                context =>
                {
                    Interlocked.Increment(ref requests);
                    context.Response.Headers.RetryAfter = retryAfter;
                    return Fixtures.WriteAsync(context, 429, Fixtures.Error(429, "Too many requests"));
                },
                Ct);
            await using var services = Fixtures.Services(server.BaseAddress);
            var client = services.GetRequiredService<PostcodesIoClient>();
            var watch = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<PostcodesRateLimitedException>(() => client.LookupAsync("SW1A 1AA", Ct));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Retry-After {retryAfter}: took {watch.Elapsed}");
            Assert.Equal(1, requests);
            Assert.True(error.RetryAfter > TimeSpan.FromSeconds(30), $"Retry-After {retryAfter} reported as {error.RetryAfter}");
        }, iter: 6);
    }

    [Fact]
    public async Task A_retry_after_within_the_cap_is_honoured()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(
            context =>
            {
                if (Interlocked.Increment(ref requests) == 1)
                {
                    context.Response.Headers.RetryAfter = "1";
                    return Fixtures.WriteAsync(context, 429, Fixtures.Error(429, "Too many requests"));
                }

                return Fixtures.WriteAsync(context, 200, Fixtures.Ok(Fixtures.PostcodeJson("SW1A 1AA")));
            },
            Ct);
        await using var services = Fixtures.Services(server.BaseAddress);
        var result = await services.GetRequiredService<PostcodesIoClient>().LookupAsync("SW1A 1AA", Ct);
        Assert.Equal("SW1A 1AA", result.Postcode);
        Assert.Equal(2, requests);
    }

    [Fact]
    public async Task Bulk_answers_with_null_items_are_a_typed_error()
    {
        await using var server = await LoopbackServer.StartAsync(
            async context =>
            {
                using var doc = System.Text.Json.JsonDocument.Parse(await Fixtures.ReadBodyAsync(context));
                var sent = doc.RootElement.GetProperty("postcodes").GetArrayLength();
                var nullAt = int.Parse(context.Request.Headers["X-Null-At"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
                var items = Enumerable.Range(0, sent).Select(i => i == nullAt % sent ? "null" : """{"query":"x","result":null}""");
                await Fixtures.WriteAsync(context, 200, Fixtures.Ok("[" + string.Join(',', items) + "]"));
            },
            Ct);
        await Gen.Select(Gen.Int[1, 30], Gen.Int[0, 29]).SampleAsync(async (count, nullAt) =>
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            http.DefaultRequestHeaders.Add("X-Null-At", nullAt.ToString(CultureInfo.InvariantCulture));
            var client = new PostcodesIoClient(http, new PostcodesIoClientOptions { BulkChunkSize = 100 });
            var inputs = Enumerable.Range(0, count).Select(i => $"ZZ{i} 1ZZ");
            var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(async () =>
            {
                await foreach (var _ in client.LookupManyAsync(inputs, cancellationToken: Ct))
                {
                }
            });
            Assert.Contains("is null", error.Message, StringComparison.Ordinal);
        }, iter: 15);
    }

    [Fact]
    public async Task Answers_placing_a_postcode_outside_wgs84_are_a_typed_error()
    {
        var outside = Gen.OneOf(Gen.Double[90.0001, 1e300], Gen.Double[-1e300, -90.0001]);
        await Gen.Select(outside, Gen.Double[-180, 180], Gen.Bool).SampleAsync(async (bad, good, onLatitude) =>
        {
            var (lon, lat) = onLatitude ? (good, bad) : (bad * 2, good / 2);
            var body = Fixtures.Ok(string.Create(CultureInfo.InvariantCulture, $$"""{"postcode":"SW1A 1AA","longitude":{{lon:R}},"latitude":{{lat:R}}}"""));
            await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 200, body), Ct);
            var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => Fixtures.PlainClient(server).LookupAsync("SW1A 1AA", Ct));
            Assert.Contains("not a WGS84 position", error.Message, StringComparison.Ordinal);
        }, iter: 15);
    }

    [Fact]
    public async Task Points_outside_wgs84_are_refused_before_any_request()
    {
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 200, Fixtures.Ok("[]")), Ct);
        var client = Fixtures.PlainClient(server);
        var outside = Gen.OneOf(Gen.Double[180.0001, 1e300], Gen.Double[-1e300, -180.0001], Gen.OneOf(double.NaN, double.PositiveInfinity));
        await Gen.Select(outside, Gen.Bool).SampleAsync(async (bad, onLatitude) =>
        {
            var (lon, lat) = onLatitude ? (0.0, bad) : (bad, 51.0);
            await Assert.ThrowsAsync<ArgumentException>(() => client.ReverseGeocodeAsync(lon, lat, cancellationToken: Ct));
            await Assert.ThrowsAsync<ArgumentException>(async () =>
            {
                await foreach (var _ in client.ReverseGeocodeManyAsync([new ReverseGeocodeQuery { Longitude = lon, Latitude = lat }], cancellationToken: Ct))
                {
                }
            });
        }, iter: 30);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Ids_with_control_characters_are_refused_before_any_request()
    {
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 200, Fixtures.Ok(Fixtures.PostcodeJson("SW1A 1AA"))), Ct);
        var client = Fixtures.PlainClient(server);
        var control = Gen.OneOf(Gen.Char['\0', '\u001f'], Gen.Char['\u007f', '\u009f']);
        await Gen.Select(control, Gen.Int[0, 8]).SampleAsync(async (c, at) =>
        {
            var id = "SW1A 1AA".Insert(at, c.ToString());
            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.LookupAsync(id, Ct));
            Assert.Contains("control characters", error.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ArgumentException>(() => client.LookupOutcodeAsync(id, Ct));
        }, iter: 40);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Timeouts_and_waits_beyond_the_maximum_fail_options_validation()
    {
        Gen.Select(Gen.Long[TimeSpan.FromMinutes(5).Ticks + 1, TimeSpan.MaxValue.Ticks], Gen.Long[TimeSpan.FromMinutes(10).Ticks + 1, TimeSpan.MaxValue.Ticks]).Sample((attempt, wait) =>
        {
            var services = new ServiceCollection();
            services.AddPostcodesIoClient(o => o.AttemptTimeout = TimeSpan.FromTicks(attempt));
            services.AddMapItClient(o => o.MaxRetryAfter = TimeSpan.FromTicks(wait));
            using var provider = services.BuildServiceProvider();
            Assert.Contains("AttemptTimeout", Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostcodesIoClientOptions>>().Value).Message, StringComparison.Ordinal);
            Assert.Contains("MaxRetryAfter", Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MapItClientOptions>>().Value).Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => new PostcodesIoClient(new HttpClient(), new PostcodesIoClientOptions { AttemptTimeout = TimeSpan.FromTicks(attempt) }));
        }, iter: 30);
    }

    [Fact]
    public void Header_values_from_settings_with_cr_or_lf_are_refused()
    {
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"].Array[1, 20].Select(a => new string(a)), Gen.OneOf("\r", "\n", "\r\n", "\0", "\u007f")).Sample((key, breaker) =>
        {
            var error = Assert.Throws<ArgumentException>(() => new MapItClient(new HttpClient(), new MapItClientOptions { ApiKey = key + breaker + "X-Injected: 1" }));
            Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        }, iter: 30);
    }
}
