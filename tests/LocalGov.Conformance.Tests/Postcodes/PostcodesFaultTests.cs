using System.Text.Json;
using System.Text.Json.Nodes;
using LocalGov.Postcodes;
using LocalGov.Postcodes.Grid;
using LocalGov.Postcodes.MapIt;
using LocalGov.Postcodes.PostcodesIo;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Conformance.Tests.Postcodes;

/// <summary>Faults injected around real recorded bodies, through the DI-registered clients (resilience included).</summary>
public sealed class PostcodesFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Recorded(string name) => File.ReadAllText(Path.Combine(SharedData.Require("data/postcodesio/responses"), name + ".json"));

    private static async Task Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    [Fact]
    public async Task Server_500_then_503_then_the_recorded_success()
    {
        var (error500, ok) = (Recorded("get_query_filter_noresult_500"), Recorded("lookup_ok"));
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(
            c => Interlocked.Increment(ref calls) switch { 1 => Answer(c, 500, error500), 2 => Answer(c, 503, "Service Unavailable"), _ => Answer(c, 200, ok) },
            Ct);
        await using var services = new ServiceCollection().AddPostcodesIoClientFor(server.BaseAddress);
        var result = await services.GetRequiredService<PostcodesIoClient>().LookupAsync("AB10 1AB", Ct);
        Assert.Equal("S99999999", result.Codes!.Parish);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Persistent_500_keeps_the_servers_message()
    {
        var error500 = Recorded("get_query_filter_noresult_500");
        await using var server = await LoopbackServer.StartAsync(c => Answer(c, 500, error500), Ct);
        await using var services = new ServiceCollection().AddPostcodesIoClientFor(server.BaseAddress);
        var ex = await Assert.ThrowsAsync<PostcodesServiceException>(() => services.GetRequiredService<PostcodesIoClient>().QueryAsync("ZZ99", cancellationToken: Ct));
        Assert.StartsWith("500 Server Error.", ex.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(500, ex.StatusCode);
    }

    [Fact]
    public async Task Rate_limiting_then_success_and_persistent_rate_limiting()
    {
        var ok = Recorded("lookup_ok");
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(
            c =>
            {
                c.Response.Headers.RetryAfter = "0";
                return Interlocked.Increment(ref calls) == 1 ? Answer(c, 429, """{"status":429,"error":"Too Many Requests"}""") : Answer(c, 200, ok);
            },
            Ct);
        await using var services = new ServiceCollection().AddPostcodesIoClientFor(server.BaseAddress);
        Assert.Equal("AB10 1AB", (await services.GetRequiredService<PostcodesIoClient>().LookupAsync("AB10 1AB", Ct)).Postcode);

        await using var limited = await LoopbackServer.StartAsync(c => Answer(c, 429, """{"status":429,"error":"Too Many Requests"}"""), Ct);
        await using var limitedServices = new ServiceCollection().AddPostcodesIoClientFor(limited.BaseAddress);
        var ex = await Assert.ThrowsAsync<PostcodesRateLimitedException>(() => limitedServices.GetRequiredService<PostcodesIoClient>().LookupAsync("AB10 1AB", Ct));
        Assert.Equal("Too Many Requests", ex.ServerMessage);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_as_a_transport_failure()
    {
        await using var server = await LoopbackServer.StartAsync(c => Task.Delay(Timeout.Infinite, c.RequestAborted), Ct);
        var services = new ServiceCollection();
        services.AddPostcodesIoClient(o => { o.BaseAddress = server.BaseAddress; o.AttemptTimeout = TimeSpan.FromMilliseconds(150); }, r => r.Retry.Delay = TimeSpan.FromMilliseconds(1));
        await using var provider = services.BuildServiceProvider();
        var started = DateTime.UtcNow;
        var ex = await Assert.ThrowsAsync<PostcodesTransportException>(() => provider.GetRequiredService<PostcodesIoClient>().LookupAsync("AB10 1AB", Ct));
        Assert.Equal("LookupAsync", ex.Operation);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Truncated_recorded_bulk_body_is_an_invalid_response_and_a_cut_connection_a_transport_failure()
    {
        var bulk = Recorded("bulk_lookup");
        await using var truncated = await LoopbackServer.StartAsync(c => Answer(c, 200, bulk[..(bulk.Length * 2 / 3)]), Ct);
        await using var services = new ServiceCollection().AddPostcodesIoClientFor(truncated.BaseAddress);
        var ex = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(async () =>
            await services.GetRequiredService<PostcodesIoClient>().LookupManyAsync(["AB10 1AB", "ZZ1 1ZZ", "notapostcode"], cancellationToken: Ct).ToListAsync(Ct));
        Assert.Equal("LookupManyAsync", ex.Operation);

        await using var cut = await LoopbackServer.StartAsync(
            async c =>
            {
                c.Response.ContentLength = bulk.Length;
                await c.Response.WriteAsync(bulk[..200], c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                c.Abort();
            },
            Ct);
        await using var cutServices = new ServiceCollection().AddPostcodesIoClientFor(cut.BaseAddress);
        await Assert.ThrowsAsync<PostcodesTransportException>(async () =>
            await cutServices.GetRequiredService<PostcodesIoClient>().LookupManyAsync(["AB10 1AB", "ZZ1 1ZZ", "notapostcode"], cancellationToken: Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Cancellation_mid_bulk_reports_nothing_that_was_not_answered()
    {
        // Every chunk is answered with the recorded AB10 1AB result, except that the server hangs on the fourth chunk
        // and after. Chunk k's postcodes are in outward code AB1k, so the server tells chunks by their content: with two
        // requests in flight, chunk 4's request can arrive before chunk 3's, so the order of arrival does not say.
        var recorded = JsonNode.Parse(Recorded("lookup_ok"))!["result"]!.ToJsonString();
        await using var server = await LoopbackServer.StartAsync(
            async c =>
            {
                using var reader = new StreamReader(c.Request.Body);
                using var request = JsonDocument.Parse(await reader.ReadToEndAsync(c.RequestAborted));
                var first = request.RootElement.GetProperty("postcodes")[0].GetString()!;
                if (first[3] - '0' >= 3)
                {
                    await Task.Delay(Timeout.Infinite, c.RequestAborted);
                }

                var items = request.RootElement.GetProperty("postcodes").EnumerateArray().Select(p => $$"""{"query":{{p.GetRawText()}},"result":{{recorded}}}""");
                await Answer(c, 200, "{\"status\":200,\"result\":[" + string.Join(',', items) + "]}");
            },
            Ct);
        var services = new ServiceCollection();
        services.AddPostcodesIoClient(o => { o.BaseAddress = server.BaseAddress; o.BulkChunkSize = 100; o.MaxConcurrentBulkRequests = 2; });
        await using var provider = services.BuildServiceProvider();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var seen = new List<PostcodeLookupResult>();
        var inputs = Enumerable.Range(0, 1000).Select(i => $"AB1{i / 100} {i % 10}AB").ToList();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var r in provider.GetRequiredService<PostcodesIoClient>().LookupManyAsync(inputs, cancellationToken: cts.Token))
            {
                seen.Add(r);
                if (seen.Count == 250)
                {
                    cts.CancelAfter(100);
                }
            }
        });
        // Only three chunks were ever answered: what was reported is an in-order prefix of them, never more.
        // (How many of the answered 300 the consumer read before the cancellation landed depends on scheduling.)
        Assert.InRange(seen.Count, 250, 300);
        Assert.Equal(inputs.Take(seen.Count), seen.Select(r => r.Query));
        Assert.All(seen, r => Assert.Equal(PostcodeLookupOutcome.Found, r.Outcome));
    }

    [Fact]
    public async Task Mapit_503_then_the_recorded_point_body()
    {
        var body = await File.ReadAllTextAsync(Path.Combine(SharedData.Require("data/mapit"), "point_4326_default__mysociety-fixmystreet-mock.json"), Ct);
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(c => Interlocked.Increment(ref calls) == 1 ? Answer(c, 503, "busy") : Answer(c, 200, body), Ct);
        await using var services = new ServiceCollection().AddMapItClientFor(server.BaseAddress);
        var areas = await services.GetRequiredService<MapItClient>().GetAreasForPointAsync(new Wgs84Coordinate(51.54, -2.41), ["UTA", "UTW"], Ct);
        Assert.Equal("E06000025", areas[2608].GssCode);
        Assert.Equal(2, calls);
    }
}
