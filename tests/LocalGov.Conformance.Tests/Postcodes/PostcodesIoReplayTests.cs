using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LocalGov.Postcodes;
using LocalGov.Postcodes.PostcodesIo;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Conformance.Tests.Postcodes;

/// <summary>
/// Replays every recorded postcodes.io v18 response (INDEX.tsv: name, status, request) from a loopback server through
/// the real client (DI registration, resilience handler, Refit, parsing). Successes must deserialise with no field
/// lost; errors must become the documented typed outcome.
/// </summary>
public sealed class PostcodesIoReplayTests
{
    private const string Folder = "data/postcodesio/responses";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Recorded()
    {
        var data = new TheoryData<string>();
        var index = SharedData.TryFindRoot() is { } root ? Path.Combine(root, Folder, "INDEX.tsv") : null;
        if (index is null || !File.Exists(index))
        {
            data.Add("(no recorded responses)");
            return data;
        }

        foreach (var line in File.ReadLines(index).Where(l => l.Length > 0))
        {
            data.Add(line.Split('\t')[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Recorded))]
    public async Task Recorded_response_replays_through_the_client(string name)
    {
        var folder = SharedData.Require(Folder);
        var row = File.ReadLines(Path.Combine(folder, "INDEX.tsv")).Select(l => l.Split('\t')).Single(r => r[0] == name);
        var bodyPath = Path.Combine(folder, name + ".json");
        if (!File.Exists(bodyPath))
        {
            Assert.Skip($"{name}: body not in this copy of the data (kept back)");
        }

        var status = int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = await File.ReadAllTextAsync(bodyPath, Ct);
        var request = RecordedRequest.Parse(row[2]);

        await using var server = await LoopbackServer.StartAsync(
            async context =>
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(body, context.RequestAborted);
            },
            Ct);
        await using var services = new ServiceCollection().AddPostcodesIoClientFor(server.BaseAddress);
        var client = services.GetRequiredService<PostcodesIoClient>();

        var call = Dispatch(client, request, status == 200 ? JsonNode.Parse(body) : null);
        if (status == 200)
        {
            var produced = await call.Invoke(Ct);
            JsonFidelity.AssertNoFieldLost(JsonNode.Parse(body)!["result"], produced, "$.result", nullEqualsEmptyArray: true);
            AssertNoUnknownFields(body, call.Envelope);
            if (call.CheckRoute)
            {
                Assert.True(request.Matches(server.Requests[0]), $"the client sent {server.Requests[0]} for the recorded {request.Path}{request.QueryString}");
            }
        }
        else
        {
            var ex = await Assert.ThrowsAnyAsync<PostcodesServiceException>(() => call.Invoke(Ct));
            AssertDocumentedError(ex, status, body, call.IsPostcodeOperation);
        }

        // The client never sends filter on a GET (the server answers 500 when a filtered GET has no result).
        Assert.All(server.Requests, r => Assert.DoesNotContain("filter=", request.Method == "GET" ? r : string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AB10_1AB.json")]
    [InlineData("SE1P_5ZZ.json")]
    public async Task Upstream_e2e_bodies_deserialise_with_no_field_lost(string file)
    {
        var path = Path.Combine(SharedData.Require("data/postcodesio/e2e-expected"), file);
        var result = await File.ReadAllTextAsync(path, Ct);
        var body = $$"""{"status":200,"result":{{result}}}""";
        await using var server = await LoopbackServer.StartAsync(200, body, "application/json", Ct);
        await using var services = new ServiceCollection().AddPostcodesIoClientFor(server.BaseAddress);
        var postcode = await services.GetRequiredService<PostcodesIoClient>().LookupAsync(file[..^5].Replace('_', ' '), Ct);
        JsonFidelity.AssertNoFieldLost(JsonNode.Parse(result), Node(postcode));
        AssertNoUnknownFields(body, typeof(PostcodesIoEnvelope<PostcodeResult>));
        Assert.Equal(file[..^5].Replace('_', ' '), postcode.Postcode);
    }

    private static void AssertDocumentedError(PostcodesServiceException ex, int status, string body, bool postcodeOperation)
    {
        using var doc = JsonDocument.Parse(body);
        var message = doc.RootElement.GetProperty("error").GetString()!;
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(message, ex.ServerMessage);
        Assert.Equal("postcodes.io", ex.Service);
        Assert.False(string.IsNullOrEmpty(ex.Operation));
        Assert.NotNull(ex.RequestUri);

        if (status == 404 && message == "Invalid postcode")
        {
            Assert.IsType<InvalidPostcodeException>(ex);
        }
        else if (status == 404 && postcodeOperation && (message == "Postcode not found" || message.Contains("not in SPD", StringComparison.Ordinal)))
        {
            var notFound = Assert.IsType<PostcodeNotFoundException>(ex);
            if (doc.RootElement.TryGetProperty("terminated", out var terminated))
            {
                Assert.NotNull(notFound.Terminated);
                JsonFidelity.AssertNoFieldLost(JsonNode.Parse(terminated.GetRawText()), JsonSerializer.SerializeToNode(notFound.Terminated, TerminatedInfo));
            }
            else
            {
                Assert.Null(notFound.Terminated);
            }
        }
        else if (status == 404)
        {
            Assert.IsType<PostcodesNotFoundException>(ex);
        }
        else if (status == 429)
        {
            Assert.IsType<PostcodesRateLimitedException>(ex);
        }
        else
        {
            Assert.IsType<PostcodesServiceException>(ex);
        }
    }

    private static readonly JsonTypeInfo<TerminatedPostcode> TerminatedInfo =
        (JsonTypeInfo<TerminatedPostcode>)PostcodesIoJsonContext.Default.Options.GetTypeInfo(typeof(TerminatedPostcode));

    /// <summary>Deserialises the recorded body strictly: a property the model does not know fails.</summary>
    private static void AssertNoUnknownFields(string body, Type? envelope)
    {
        if (envelope is null)
        {
            return;
        }

        var strict = new JsonSerializerOptions(PostcodesIoJsonContext.Default.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        JsonSerializer.Deserialize(body, strict.GetTypeInfo(envelope));
    }

    private sealed record Call(Func<CancellationToken, Task<JsonNode?>> Invoke, Type? Envelope, bool CheckRoute, bool IsPostcodeOperation);

    private static JsonNode? Node<T>(T value) =>
        JsonSerializer.SerializeToNode(value, (JsonTypeInfo<T>)PostcodesIoJsonContext.Default.Options.GetTypeInfo(typeof(T)));

    private static Call Dispatch(PostcodesIoClient client, RecordedRequest request, JsonNode? recordedBody)
    {
        JsonNode? EchoOf(int index) => recordedBody?["result"]?[index]?["query"]?.DeepClone();
        var segments = request.Path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var q = request.Query;
        int? Int(string key) => q.TryGetValue(key, out var v) && int.TryParse(v, out var n) ? n : null;
        double Num(string key, string alt) => double.TryParse(q.GetValueOrDefault(key) ?? q.GetValueOrDefault(alt), System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : 0;
        var exact = request.IsReproducible;

        if (request.Method == "POST")
        {
            // The inputs: the JSON body's arrays (postcodes win over geolocations, as on the server), else the queries the
            // recorded answer echoes (e.g. a form-encoded body), else 101 postcodes (a body kept in a file, like the too-many case).
            using var doc = JsonDocument.Parse(request.Body is { Length: > 0 } b && IsJson(b) ? b : "{}");
            var root = doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement : default;
            var echoed = recordedBody?["result"] as JsonArray;
            List<string>? postcodes = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("postcodes", out var pcs) && pcs.ValueKind == JsonValueKind.Array
                ? pcs.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : null;
            List<JsonElement>? geolocations = postcodes is null && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("geolocations", out var geo) && geo.ValueKind == JsonValueKind.Array
                ? geo.EnumerateArray().ToList()
                : null;
            if (postcodes is null && geolocations is null && echoed is not null)
            {
                if (echoed.All(e => e?["query"] is JsonValue))
                {
                    postcodes = echoed.Select(e => e!["query"]!.GetValue<string>()).ToList();
                }
                else
                {
                    geolocations = echoed.Select(e => JsonDocument.Parse(e!["query"]!.ToJsonString()).RootElement.Clone()).ToList();
                }
            }

            if (geolocations is not null)
            {
                static double Coordinate(JsonElement g, string name) =>
                    g.GetProperty(name) is var v && v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : v.GetDouble();
                static int? Optional(JsonElement g, string name) =>
                    !g.TryGetProperty(name, out var v) ? null : v.ValueKind == JsonValueKind.String ? int.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : v.GetInt32();
                var points = geolocations.Select(g => new ReverseGeocodeQuery
                {
                    Longitude = Coordinate(g, "longitude"),
                    Latitude = Coordinate(g, "latitude"),
                    Limit = Optional(g, "limit"),
                    Radius = Optional(g, "radius"),
                    WideSearch = g.TryGetProperty("widesearch", out var w) && w.ValueKind is JsonValueKind.True or JsonValueKind.False ? w.GetBoolean() : null,
                }).ToList();
                var defaults = new NearbySearchOptions { Limit = Int("limit"), Radius = Int("radius"), WideSearch = q.ContainsKey("widesearch") ? true : null };
                return new Call(
                    async ct =>
                    {
                        var results = await client.ReverseGeocodeManyAsync(points, defaults, cancellationToken: ct).ToListAsync(ct);

                        // "query" is the server's echo of what was sent (query-string defaults come back as strings): kept as recorded.
                        return new JsonArray(results.Select((x, i) => new JsonObject { ["query"] = EchoOf(i), ["result"] = x.Postcodes.Count == 0 ? null : Node(x.Postcodes) }).ToArray<JsonNode?>());
                    },
                    typeof(PostcodesIoEnvelope<IReadOnlyList<BulkReverseItem>>),
                    false,
                    false);
            }

            postcodes ??= Enumerable.Range(0, 101).Select(i => "AB10 1AB").ToList();
            return new Call(
                async ct =>
                {
                    var results = await client.LookupManyAsync(postcodes, cancellationToken: ct).ToListAsync(ct);
                    Assert.All(results, r => Assert.Equal(r.Result is null ? (Postcode.TryParse(r.Query, out _) ? PostcodeLookupOutcome.NotFound : PostcodeLookupOutcome.InvalidPostcode) : PostcodeLookupOutcome.Found, r.Outcome));
                    return new JsonArray(results.Select(x => new JsonObject { ["query"] = x.Query, ["result"] = Node(x.Result) }).ToArray<JsonNode?>());
                },
                typeof(PostcodesIoEnvelope<IReadOnlyList<BulkLookupItem>>),
                false,
                false);
        }

        return segments switch
        {
            ["postcodes", "lon", _, "lat", _] => Reverse(ReverseGeocodeRoute.LonLatPath, double.Parse(segments[2], System.Globalization.CultureInfo.InvariantCulture), double.Parse(segments[4], System.Globalization.CultureInfo.InvariantCulture)),
            ["postcodes", "lat", _, "lon", _] => Reverse(ReverseGeocodeRoute.LatLonPath, double.Parse(segments[4], System.Globalization.CultureInfo.InvariantCulture), double.Parse(segments[2], System.Globalization.CultureInfo.InvariantCulture)),
            ["postcodes", _, "validate"] => new Call(async ct => JsonValue.Create(await client.ValidateAsync(segments[1], ct)), typeof(PostcodesIoEnvelope<bool>), exact, false),
            ["postcodes", _, "autocomplete"] => new Call(async ct => Node(await client.AutocompleteAsync(segments[1], Int("limit"), ct)), typeof(PostcodesIoEnvelope<IReadOnlyList<string>>), exact, false),
            ["postcodes", _, "nearest"] => new Call(async ct => Node(await client.NearestAsync(segments[1], new NearbySearchOptions { Limit = Int("limit"), Radius = Int("radius") }, ct)), typeof(PostcodesIoEnvelope<IReadOnlyList<PostcodeResult>>), exact, true),
            ["postcodes", _] => new Call(async ct => Node(await client.LookupAsync(segments[1], ct)), typeof(PostcodesIoEnvelope<PostcodeResult>), false, true),
            ["postcodes"] when q.ContainsKey("lon") || q.ContainsKey("lat") => Reverse(ReverseGeocodeRoute.LonLatQuery, Num("lon", "lon"), Num("lat", "lat")),
            ["postcodes"] when q.ContainsKey("longitude") => Reverse(ReverseGeocodeRoute.LongitudeLatitudeQuery, Num("longitude", "longitude"), Num("latitude", "latitude")),
            ["postcodes"] => new Call(async ct => Node(await client.QueryAsync(q.GetValueOrDefault("q") ?? q.GetValueOrDefault("query") ?? "AB10", Int("limit"), ct)), typeof(PostcodesIoEnvelope<IReadOnlyList<PostcodeResult>>), exact, false),
            ["random", "postcodes"] => new Call(async ct => Node(await client.GetRandomPostcodeAsync(q.GetValueOrDefault("outcode"), ct)), typeof(PostcodesIoEnvelope<PostcodeResult>), exact, false),
            ["random", "places"] => new Call(async ct => Node(await client.GetRandomPlaceAsync(ct)), typeof(PostcodesIoEnvelope<Place>), exact, false),
            ["outcodes", _, "nearest"] => new Call(async ct => Node(await client.NearestOutcodesAsync(segments[1], Int("limit"), Int("radius"), ct)), typeof(PostcodesIoEnvelope<IReadOnlyList<OutcodeResult>>), exact, false),
            ["outcodes", _] => new Call(async ct => Node(await client.LookupOutcodeAsync(segments[1], ct)), typeof(PostcodesIoEnvelope<OutcodeResult>), exact, false),
            ["outcodes"] => new Call(async ct => Node(await client.ReverseGeocodeOutcodesAsync(Num("lon", "longitude"), Num("lat", "latitude"), Int("limit"), Int("radius"), ct)), typeof(PostcodesIoEnvelope<IReadOnlyList<OutcodeResult>>), false, false),
            ["terminated_postcodes", _] => new Call(async ct => Node(await client.LookupTerminatedAsync(segments[1], ct)), typeof(PostcodesIoEnvelope<TerminatedPostcode>), false, false),
            ["scotland", "postcodes", _] => new Call(async ct => Node(await client.LookupScottishAsync(segments[2], ct)), typeof(PostcodesIoEnvelope<ScottishPostcode>), false, true),
            ["places", _] => new Call(async ct => Node(await client.LookupPlaceAsync(segments[1], ct)), typeof(PostcodesIoEnvelope<Place>), exact, false),
            ["places"] => new Call(async ct => Node(await client.QueryPlacesAsync(q.GetValueOrDefault("q") ?? q.GetValueOrDefault("query") ?? "X", Int("limit") ?? Int("l"), ct)), typeof(PostcodesIoEnvelope<IReadOnlyList<Place>>), exact, false),
            ["ping"] => new Call(async ct => JsonValue.Create(await client.PingAsync(ct)), typeof(PostcodesIoEnvelope<string>), exact, false),
            ["ready"] => new Call(async ct => JsonValue.Create(await client.GetReadinessAsync(ct)), typeof(PostcodesIoEnvelope<string>), exact, false),
            _ => new Call(async ct => JsonValue.Create(await client.PingAsync(ct)), null, false, false), // an unknown route: only its error can be replayed
        };

        Call Reverse(ReverseGeocodeRoute route, double lon, double lat) => new(
            async ct => Node(await client.ReverseGeocodeAsync(lon, lat, new NearbySearchOptions { Limit = Int("limit"), Radius = Int("radius"), Route = route }, ct)),
            typeof(PostcodesIoEnvelope<IReadOnlyList<PostcodeResult>>),
            exact,
            false);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
