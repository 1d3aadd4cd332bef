using System.Collections.Concurrent;
using LocalGov.Postcodes.PostcodesIo;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Postcodes.Tests;

public sealed class PostcodesIoClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lookup_reads_every_field()
    {
        await using var server = await LoopbackServer.StartAsync(200, Fixtures.Ok(Fixtures.PostcodeJson("SW1A 1AA")), "application/json", Ct);
        var result = await Fixtures.PlainClient(server).LookupAsync("sw1a1aa", Ct);
        Assert.Equal("SW1A 1AA", result.Postcode);
        Assert.Equal(529090, result.Eastings);
        Assert.Equal("E43000236", result.Codes!.Parish);
        Assert.Equal("W2U3Z", result.Codes.CcgId);
        Assert.Equal("Cities of London and Westminster", result.ParliamentaryConstituency2024);
        Assert.Null(result.AdminCounty);
        Assert.Null(result.Distance);
        Assert.Equal("/postcodes/sw1a1aa", server.Requests.Single());
    }

    [Fact]
    public async Task Invalid_not_found_and_terminated_are_distinct()
    {
        await using var server = await LoopbackServer.StartAsync(
            context => context.Request.Path.Value switch
            {
                "/postcodes/NOPE" => Fixtures.WriteAsync(context, 404, Fixtures.Error(404, "Invalid postcode")),
                "/postcodes/ZZ1 1ZZ" => Fixtures.WriteAsync(context, 404, Fixtures.Error(404, "Postcode not found")),
                _ => Fixtures.WriteAsync(context, 404, """{"status":404,"error":"Postcode not found","terminated":{"postcode":"AB1 0AA","year_terminated":1996,"month_terminated":6,"longitude":-2.242851,"latitude":57.101474}}"""),
            },
            Ct);
        var client = Fixtures.PlainClient(server);

        var invalid = await Assert.ThrowsAsync<InvalidPostcodeException>(() => client.LookupAsync("NOPE", Ct));
        Assert.Equal(404, invalid.StatusCode);
        Assert.Equal("Invalid postcode", invalid.ServerMessage);
        Assert.Equal("NOPE", invalid.Postcode);
        Assert.Contains("/postcodes/NOPE", invalid.RequestUri!.ToString(), StringComparison.Ordinal);

        var notFound = await Assert.ThrowsAsync<PostcodeNotFoundException>(() => client.LookupAsync("ZZ1 1ZZ", Ct));
        Assert.Null(notFound.Terminated);
        Assert.Equal("postcodes.io", notFound.Service);
        Assert.Equal("LookupAsync", notFound.Operation);

        var terminated = await Assert.ThrowsAsync<PostcodeNotFoundException>(() => client.LookupAsync("AB1 0AA", Ct));
        Assert.Equal(1996, terminated.Terminated!.YearTerminated);
        Assert.Equal(6, terminated.Terminated.MonthTerminated);
    }

    [Fact]
    public async Task Outcode_and_place_not_found_are_not_postcode_not_found()
    {
        await using var server = await LoopbackServer.StartAsync(404, Fixtures.Error(404, "Outcode not found"), "application/json", Ct);
        var ex = await Assert.ThrowsAsync<PostcodesNotFoundException>(() => Fixtures.PlainClient(server).LookupOutcodeAsync("ZZ9", Ct));
        Assert.IsNotType<PostcodeNotFoundException>(ex);
        Assert.Equal("Outcode not found", ex.ServerMessage);
    }

    [Fact]
    public async Task Bulk_lookup_streams_any_number_in_input_order_in_chunks_of_100()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var server = await LoopbackServer.StartAsync(
            async context =>
            {
                var body = await Fixtures.ReadBodyAsync(context);
                sizes.Enqueue(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("postcodes").GetArrayLength());
                context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
                await Fixtures.BulkHandlerAsync(context);
            },
            Ct);
        var inputs = Enumerable.Range(0, 250).Select(i => i % 50 == 7 ? "not a postcode" : i % 50 == 8 ? "ZZ1 1ZZ" : $"AB{1 + (i % 9)} {i % 10}AA").ToList();
        var results = new List<PostcodeLookupResult>();
        await foreach (var r in Fixtures.PlainClient(server).LookupManyAsync(inputs, cancellationToken: Ct))
        {
            results.Add(r);
        }

        Assert.Equal(inputs, results.Select(r => r.Query));
        Assert.All(results.Where(r => r.Query == "not a postcode"), r => Assert.Equal(PostcodeLookupOutcome.InvalidPostcode, r.Outcome));
        Assert.All(results.Where(r => r.Query == "ZZ1 1ZZ"), r => Assert.Equal(PostcodeLookupOutcome.NotFound, r.Outcome));
        Assert.All(results.Where(r => r.Outcome == PostcodeLookupOutcome.Found), r => Assert.Equal(Postcode.Parse(r.Query).Value, r.Result!.Postcode));
        Assert.Equal(250, sizes.Sum());
        Assert.True(sizes.All(s => s <= 100));
        Assert.Equal(3, sizes.Count);
        Assert.All(server.Requests, r => Assert.Equal("/postcodes", r));
    }

    [Fact]
    public async Task Bulk_lookup_bounds_concurrency_and_sends_filter_only_on_post()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        await using var server = await LoopbackServer.StartAsync(
            async context =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                await Task.Delay(30, context.RequestAborted);
                Interlocked.Decrement(ref inFlight);
                await Fixtures.BulkHandlerAsync(context);
            },
            Ct);
        var client = Fixtures.PlainClient(server, new PostcodesIoClientOptions { BulkChunkSize = 10, MaxConcurrentBulkRequests = 3 });
        var count = 0;
        await foreach (var r in client.LookupManyAsync(Enumerable.Range(0, 200).Select(i => $"M{i % 9 + 1} 1AA"), ["postcode", "codes"], Ct))
        {
            count++;
        }

        Assert.Equal(200, count);
        Assert.InRange(maxInFlight, 2, 3);
        Assert.All(server.Requests, r => Assert.Equal("/postcodes?filter=postcode,codes", Uri.UnescapeDataString(r)));
    }

    [Fact]
    public async Task Bulk_lookup_tells_invalid_from_not_found_when_the_server_says_null_for_both()
    {
        await using var server = await LoopbackServer.StartAsync(
            200,
            """{"status":200,"result":[{"query":"x","result":null},{"query":"","result":null},{"query":"ZZ1 1ZZ","result":null}]}""",
            "application/json",
            Ct);
        var results = await Fixtures.PlainClient(server).LookupManyAsync(["x", null!, "ZZ1 1ZZ"], cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal([PostcodeLookupOutcome.InvalidPostcode, PostcodeLookupOutcome.InvalidPostcode, PostcodeLookupOutcome.NotFound], results.Select(r => r.Outcome));
        Assert.Equal(["x", "", "ZZ1 1ZZ"], results.Select(r => r.Query));
    }

    [Fact]
    public async Task Bulk_lookup_rejects_a_result_count_that_does_not_match()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"status":200,"result":[{"query":"M1 1AE","result":null}]}""", "application/json", Ct);
        var ex = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(async () => await Fixtures.PlainClient(server).LookupManyAsync(["M1 1AE", "M2 2AE"], cancellationToken: Ct).ToListAsync(Ct));
        Assert.Contains("sent 2 postcodes but received 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_bulk_chunk_ends_the_stream_after_exactly_the_chunks_before_it()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(
            context => Interlocked.Increment(ref calls) == 2
                ? Fixtures.WriteAsync(context, 200, "<html><body>Maintenance</body></html>", "text/html")
                : Fixtures.BulkHandlerAsync(context),
            Ct);
        var client = Fixtures.PlainClient(server, new PostcodesIoClientOptions { BulkChunkSize = 2, MaxConcurrentBulkRequests = 1 });
        string[] inputs = ["AB10 1AB", "AB10 1AF", "AB10 1AG", "AB10 1AH", "AB10 1AJ"];
        var received = new List<PostcodeLookupResult>();

        await Assert.ThrowsAsync<PostcodesInvalidResponseException>(async () =>
        {
            await foreach (var result in client.LookupManyAsync(inputs, cancellationToken: Ct))
            {
                received.Add(result);
            }
        });

        // The first chunk, whole and in order; nothing of the failed chunk or after it: resume from input 2.
        Assert.Equal(inputs[..2], received.Select(r => r.Query));
    }

    [Fact]
    public async Task Bulk_lookup_memory_stays_flat_with_a_lazy_million_item_source()
    {
        // The consumer stops after 1,000 results: the source must have been read only a few chunks ahead.
        await using var server = await LoopbackServer.StartAsync(Fixtures.BulkHandlerAsync, Ct);
        var read = 0;
        IEnumerable<string> Source()
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                read++;
                yield return "M1 1AE";
            }
        }

        var taken = 0;
        await foreach (var r in Fixtures.PlainClient(server).LookupManyAsync(Source(), cancellationToken: Ct))
        {
            if (++taken == 1000)
            {
                break;
            }
        }

        Assert.InRange(read, 1000, 1000 + (5 * 100));
    }

    [Fact]
    public async Task Cancellation_mid_bulk_reports_only_what_was_answered()
    {
        var calls = 0;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var server = await LoopbackServer.StartAsync(
            async context =>
            {
                if (Interlocked.Increment(ref calls) > 2)
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }

                await Fixtures.BulkHandlerAsync(context);
            },
            Ct);
        var client = Fixtures.PlainClient(server, new PostcodesIoClientOptions { BulkChunkSize = 10, MaxConcurrentBulkRequests = 1 });
        var seen = new List<PostcodeLookupResult>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var r in client.LookupManyAsync(Enumerable.Range(0, 100).Select(i => $"M{i % 9 + 1} 1AA"), cancellationToken: cts.Token))
            {
                seen.Add(r);
                if (seen.Count == 20)
                {
                    cts.CancelAfter(50);
                }
            }
        });
        Assert.Equal(20, seen.Count);
        Assert.All(seen, r => Assert.Equal(PostcodeLookupOutcome.Found, r.Outcome));
    }

    [Fact]
    public async Task Server_errors_are_retried_then_succeed()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(
            context => Interlocked.Increment(ref calls) switch
            {
                1 => Fixtures.WriteAsync(context, 500, Fixtures.Error(500, "500 Server Error.")),
                2 => Fixtures.WriteAsync(context, 503, "<html>busy</html>", "text/html"),
                _ => Fixtures.WriteAsync(context, 200, Fixtures.Ok(Fixtures.PostcodeJson("M1 1AE"))),
            },
            Ct);
        await using var services = Fixtures.Services(server.BaseAddress);
        var result = await services.GetRequiredService<PostcodesIoClient>().LookupAsync("M1 1AE", Ct);
        Assert.Equal("M1 1AE", result.Postcode);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Bulk_post_is_retried_with_its_body_after_a_503()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(
            context => Interlocked.Increment(ref calls) == 1
                ? Fixtures.WriteAsync(context, 503, "busy", "text/plain")
                : Fixtures.BulkHandlerAsync(context),
            Ct);
        await using var services = Fixtures.Services(server.BaseAddress);
        var results = await services.GetRequiredService<PostcodesIoClient>().LookupManyAsync(["M1 1AE", "ZZ1 1ZZ"], cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal([PostcodeLookupOutcome.Found, PostcodeLookupOutcome.NotFound], results.Select(r => r.Outcome));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_failed_chunk_stops_the_stream_after_the_chunks_before_it()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(
            context => Interlocked.Increment(ref calls) == 2
                ? Fixtures.WriteAsync(context, 400, Fixtures.Error(400, "Too many postcodes submitted. Up to 100 postcodes can be bulk requested at a time"))
                : Fixtures.BulkHandlerAsync(context),
            Ct);
        var client = Fixtures.PlainClient(server, new PostcodesIoClientOptions { BulkChunkSize = 5, MaxConcurrentBulkRequests = 1 });
        var seen = new List<PostcodeLookupResult>();
        var ex = await Assert.ThrowsAsync<PostcodesServiceException>(async () =>
        {
            await foreach (var r in client.LookupManyAsync(Enumerable.Repeat("M1 1AE", 20), cancellationToken: Ct))
            {
                seen.Add(r);
            }
        });
        Assert.Equal(5, seen.Count);
        Assert.Equal(400, ex.StatusCode);
        Assert.StartsWith("Too many postcodes", ex.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persistent_429_becomes_a_rate_limited_exception_with_retry_after()
    {
        await using var server = await LoopbackServer.StartAsync(
            context =>
            {
                context.Response.Headers.RetryAfter = "0";
                return Fixtures.WriteAsync(context, 429, Fixtures.Error(429, "Too many requests"));
            },
            Ct);
        await using var services = Fixtures.Services(server.BaseAddress);
        var ex = await Assert.ThrowsAsync<PostcodesRateLimitedException>(() => services.GetRequiredService<PostcodesIoClient>().LookupAsync("M1 1AE", Ct));
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.Zero, ex.RetryAfter);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task A_timeout_is_a_transport_exception()
    {
        await using var server = await LoopbackServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted), Ct);
        await using var services = Fixtures.Services(server.BaseAddress, attemptTimeout: TimeSpan.FromMilliseconds(200));
        var ex = await Assert.ThrowsAsync<PostcodesTransportException>(() => services.GetRequiredService<PostcodesIoClient>().LookupAsync("M1 1AE", Ct));
        Assert.Contains("timeout", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public async Task Truncated_json_is_an_invalid_response_and_a_cut_connection_a_transport_failure()
    {
        var body = Fixtures.Ok(Fixtures.PostcodeJson("M1 1AE"));
        await using var truncated = await LoopbackServer.StartAsync(200, body[..(body.Length / 2)], "application/json", Ct);
        var invalid = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => Fixtures.PlainClient(truncated).LookupAsync("M1 1AE", Ct));
        Assert.Equal(200, invalid.StatusCode);
        Assert.StartsWith("{\"status\":200", invalid.BodyExcerpt, StringComparison.Ordinal);

        await using var aborted = await LoopbackServer.StartAsync(
            async context =>
            {
                context.Response.ContentLength = body.Length;
                await context.Response.WriteAsync(body[..100], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
            },
            Ct);
        await Assert.ThrowsAsync<PostcodesTransportException>(() => Fixtures.PlainClient(aborted).LookupAsync("M1 1AE", Ct));
    }

    [Fact]
    public async Task Connection_refused_is_a_transport_exception()
    {
        Uri address;
        await using (var server = await LoopbackServer.StartAsync(200, "{}", "application/json", Ct))
        {
            address = server.BaseAddress;
        }

        var client = new PostcodesIoClient(new HttpClient(), new PostcodesIoClientOptions { BaseAddress = address });
        var ex = await Assert.ThrowsAsync<PostcodesTransportException>(() => client.PingAsync(Ct));
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Theory]
    [InlineData(ReverseGeocodeRoute.LonLatQuery, "/postcodes?lon=-2.096916&lat=57.149606&limit=2&radius=50&widesearch=true")]
    [InlineData(ReverseGeocodeRoute.LongitudeLatitudeQuery, "/postcodes?longitude=-2.096916&latitude=57.149606&limit=2&radius=50&widesearch=true")]
    [InlineData(ReverseGeocodeRoute.LonLatPath, "/postcodes/lon/-2.096916/lat/57.149606?limit=2&radius=50&widesearch=true")]
    [InlineData(ReverseGeocodeRoute.LatLonPath, "/postcodes/lat/57.149606/lon/-2.096916?limit=2&radius=50&widesearch=true")]
    public async Task Reverse_geocode_uses_each_route_form_and_never_filter(ReverseGeocodeRoute route, string expected)
    {
        await using var server = await LoopbackServer.StartAsync(200, Fixtures.Ok("[" + Fixtures.PostcodeJson("AB10 1AB", 1.83) + "]"), "application/json", Ct);
        var results = await Fixtures.PlainClient(server).ReverseGeocodeAsync(-2.096916, 57.149606, new NearbySearchOptions { Limit = 2, Radius = 50, WideSearch = true, Route = route }, Ct);
        Assert.Equal(1.83, results.Single().Distance);
        Assert.Equal(expected, server.Requests.Single());
    }

    [Fact]
    public async Task Null_results_become_empty_lists()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"status":200,"result":null}""", "application/json", Ct);
        var client = Fixtures.PlainClient(server);
        Assert.Empty(await client.ReverseGeocodeAsync(0, 0, cancellationToken: Ct));
        Assert.Empty(await client.QueryAsync("ZZ99", cancellationToken: Ct));
        Assert.Empty(await client.AutocompleteAsync("ZZ9", cancellationToken: Ct));
        Assert.Empty(await client.NearestOutcodesAsync("ZZ9", cancellationToken: Ct));
        Assert.Null(await client.GetRandomPostcodeAsync("ZZ9", Ct));
        Assert.DoesNotContain(server.Requests, r => r.Contains("filter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bulk_reverse_keeps_input_order_and_echo()
    {
        await using var server = await LoopbackServer.StartAsync(
            200,
            Fixtures.Ok("[{\"query\":{\"longitude\":-2.1,\"latitude\":57.1,\"limit\":\"1\"},\"result\":[" + Fixtures.PostcodeJson("AB10 1AB", 0) + "]},{\"query\":{\"longitude\":0,\"latitude\":0},\"result\":null}]"),
            "application/json",
            Ct);
        var points = new[] { new ReverseGeocodeQuery { Longitude = -2.1, Latitude = 57.1, Limit = 1 }, new ReverseGeocodeQuery { Longitude = 0, Latitude = 0 } };
        var results = await Fixtures.PlainClient(server).ReverseGeocodeManyAsync(points, new NearbySearchOptions { Limit = 1, Radius = 500 }, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal("/postcodes?limit=1&radius=500", server.Requests.Single());
        Assert.Same(points[0], results[0].Query);
        Assert.Equal("AB10 1AB", results[0].Postcodes.Single().Postcode);
        Assert.Empty(results[1].Postcodes);
    }

    [Fact]
    public async Task Base_address_path_prefix_is_kept_for_self_hosted_servers()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"status":200,"result":"pong"}""", "application/json", Ct);
        var client = new PostcodesIoClient(new HttpClient(), new PostcodesIoClientOptions { BaseAddress = new Uri(server.BaseAddress, "pc") });
        Assert.Equal("pong", await client.PingAsync(Ct));
        Assert.Equal("/pc/ping", server.Requests.Single());
    }

    [Fact]
    public async Task A_body_that_is_not_json_on_error_keeps_an_excerpt()
    {
        await using var server = await LoopbackServer.StartAsync(502, "<html>Bad gateway</html>", "text/html", Ct);
        var ex = await Assert.ThrowsAsync<PostcodesServiceException>(() => Fixtures.PlainClient(server).LookupPlaceAsync("x", Ct));
        Assert.Equal(502, ex.StatusCode);
        Assert.Null(ex.ServerMessage);
        Assert.Contains("Bad gateway", ex.BodyExcerpt, StringComparison.Ordinal);
        Assert.Contains("HTTP 502", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_are_checked()
    {
        var client = new PostcodesIoClient(new HttpClient());
        Assert.Equal(PostcodesIoClientOptions.PublicBaseAddress, client.BaseAddress);
        await Assert.ThrowsAsync<ArgumentException>(() => client.LookupAsync(" ", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ReverseGeocodeAsync(double.NaN, 1, cancellationToken: Ct));
        Assert.Throws<ArgumentException>(() => client.LookupManyAsync(["a"], ["a,b"], Ct));
        Assert.Throws<ArgumentException>(() => new PostcodesIoClient(new HttpClient(), new PostcodesIoClientOptions { BulkChunkSize = 101 }));
        Assert.Throws<ArgumentException>(() => new PostcodesIoClient(new HttpClient(), new PostcodesIoClientOptions { BaseAddress = new Uri("ftp://x/") }));
        Assert.Contains("MaxResponseBytes", Assert.Throws<ArgumentException>(() => new PostcodesIoClient(new HttpClient(), new PostcodesIoClientOptions { MaxResponseBytes = 100 })).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_size_cap_is_refused_without_being_read_whole(bool declareLength)
    {
        // A well-formed answer, padded far past the cap: only the cap can reject it.
        var body = Fixtures.Ok(Fixtures.PostcodeJson("AB10 1AB")).Replace("{\"status\"", "{\"padding\":\"" + new string('x', 200_000) + "\",\"status\"", StringComparison.Ordinal);
        await using var server = await LoopbackServer.StartAsync(
            async context =>
            {
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                if (declareLength)
                {
                    context.Response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(body);
                }

                await context.Response.WriteAsync(body, context.RequestAborted);
            },
            Ct);

        var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => Fixtures.PlainClient(server, new PostcodesIoClientOptions { MaxResponseBytes = 64 * 1024 }).LookupAsync("AB10 1AB", Ct));

        Assert.Contains("65536-byte limit", error.Message, StringComparison.Ordinal);
        Assert.Equal("AB10 1AB", (await Fixtures.PlainClient(server).LookupAsync("AB10 1AB", Ct)).Postcode);
    }

    [Fact]
    public async Task Invalid_options_fail_at_start_with_di()
    {
        var services = new ServiceCollection();
        services.AddPostcodesIoClient(o => o.MaxConcurrentBulkRequests = 0);
        await using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<PostcodesIoClient>());
        Assert.Contains("MaxConcurrentBulkRequests", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PostcodesIo:BaseAddress"] = "http://pc.example/", ["PostcodesIo:BulkChunkSize"] = "50" })
            .Build();
        var services = new ServiceCollection();
        services.AddPostcodesIoClient(config.GetSection("PostcodesIo"));
        await using var provider = services.BuildServiceProvider();
        Assert.Equal(new Uri("http://pc.example/"), provider.GetRequiredService<PostcodesIoClient>().BaseAddress);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
