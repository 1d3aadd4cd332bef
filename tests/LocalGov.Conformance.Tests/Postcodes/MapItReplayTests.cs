using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LocalGov.Postcodes;
using LocalGov.Postcodes.Grid;
using LocalGov.Postcodes.MapIt;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Conformance.Tests.Postcodes;

/// <summary>
/// Replays every recorded MapIt body (<c>data/mapit</c>) through the real client. The file name says what it answers:
/// <c>postcode_…</c>, <c>point_…</c>, <c>area_children_…</c>, <c>area_covers_…</c>, <c>nearest_…</c>, <c>area_…</c>,
/// and <c>error_{status}_{operation}_…</c> for errors.
/// </summary>
public sealed class MapItReplayTests
{
    private const string Folder = "data/mapit";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Recorded()
    {
        var data = new TheoryData<string>();
        var folder = SharedData.TryFindRoot() is { } root ? Path.Combine(root, Folder) : null;
        var files = folder is not null && Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).Where(f => !f!.StartsWith("mapit_gb_", StringComparison.Ordinal)).Order().ToList()
            : [];
        foreach (var file in files)
        {
            data.Add(file!);
        }

        if (data.Count == 0)
        {
            data.Add("(no recorded responses)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Recorded))]
    public async Task Recorded_body_replays_through_the_client(string file)
    {
        var path = Path.Combine(SharedData.Require(Folder), file);
        if (!File.Exists(path))
        {
            Assert.Skip($"{file}: not in this copy of the data");
        }

        var body = await File.ReadAllTextAsync(path, Ct);
        var recorded = JsonNode.Parse(body) ?? throw new InvalidDataException($"{file} is JSON null");
        var isError = file.StartsWith("error_", StringComparison.Ordinal) || (recorded is JsonObject o && o.ContainsKey("error") && !o.ContainsKey("id"));
        var status = isError ? ErrorStatus(file, recorded) : 200;

        await using var server = await LoopbackServer.StartAsync(
            async context =>
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                context.Response.Headers["X-Quota-Current"] = "3";
                context.Response.Headers["X-Quota-Limit"] = "50";
                await context.Response.WriteAsync(body, context.RequestAborted);
            },
            Ct);
        await using var services = new ServiceCollection().AddMapItClientFor(server.BaseAddress, "replay-key");
        var client = services.GetRequiredService<MapItClient>();
        var operation = file.StartsWith("error_", StringComparison.Ordinal) ? file.Split('_')[2] : file.Split('_')[0];
        var postcodeOperation = operation == "postcode";

        var shape = recorded as JsonObject;
        Func<CancellationToken, Task<JsonNode?>> call = operation switch
        {
            _ when shape is not null && shape.ContainsKey("coordinates") && shape.ContainsKey("type") => async ct => GeoJson(await client.GetGeometryAsync(1, 4326, null, ct)),
            _ when shape is not null && shape.ContainsKey("srid_en") => async ct => Node(await client.GetGeometryInfoAsync(1, ct)),
            _ when shape is not null && shape.Count == 1 && shape["postcode"] is JsonObject => async ct => new JsonObject { ["postcode"] = Node(await client.GetNearestPostcodeAsync(new Wgs84Coordinate(51.5, -3.5), ct)) },
            _ when shape is not null && shape.ContainsKey("wgs84_lat") && !shape.ContainsKey("areas") => async ct => Node(await client.GetPartialPostcodeAsync("SW1A", ct)),
            _ when shape is not null && shape.ContainsKey("wgs84_lat") => async ct => Node(await client.GetPostcodeAsync(PostcodeFromName(file), ct)),
            _ when shape is not null && shape.ContainsKey("id") && shape.ContainsKey("type") => async ct => Node(await client.GetAreaAsync(1, ct)),
            "postcode" => async ct => Node(await client.GetPostcodeAsync(PostcodeFromName(file), ct)),
            "point" => async ct => Node(await client.GetAreasForPointAsync(new Wgs84Coordinate(51.5, -2.4), null, ct)),
            "nearest" => async ct => new JsonObject { ["postcode"] = Node(await client.GetNearestPostcodeAsync(new Wgs84Coordinate(51.5, -3.5), ct)) },
            "area" when file.StartsWith("area_children", StringComparison.Ordinal) => async ct => Node(await client.GetChildrenAsync(2245, ["CPC"], ct)),
            "area" when file.StartsWith("area_covers", StringComparison.Ordinal) => async ct => Node(await client.GetCoveredAreasAsync(2245, ["CPC"], ct)),
            "area" when isError => async ct => Node(await client.GetAreaAsync(1, ct)),
            "code" => async ct => Node(await client.GetAreaByGssCodeAsync("E04011842", ct)),
            _ => async ct => Node(await client.GetAreasByTypeAsync(["CPC"], ct)),
        };

        if (!isError)
        {
            var produced = await call(Ct);
            if (shape is not null && shape.ContainsKey("coordinates"))
            {
                JsonFidelity.AssertNoFieldLost(recorded["coordinates"], produced!["coordinates"]);
                Assert.Equal(recorded["type"]!.GetValue<string>(), produced["type"]!.GetValue<string>());
            }
            else
            {
                JsonFidelity.AssertNoFieldLost(recorded, produced);
                AssertNoUnknownFields(body, shape);
            }

            Assert.Equal(new MapItQuota(3, 50), client.LastQuota);
            return;
        }

        var ex = await Assert.ThrowsAnyAsync<PostcodesServiceException>(() => call(Ct));
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(recorded["error"]!.GetValue<string>(), ex.ServerMessage);
        Assert.Equal("MapIt", ex.Service);
        switch (status)
        {
            case 404:
                Assert.IsAssignableFrom<PostcodesNotFoundException>(ex);
                Assert.Equal(postcodeOperation, ex is PostcodeNotFoundException);
                break;
            case 400 when postcodeOperation && ex.ServerMessage!.Contains("is not valid", StringComparison.Ordinal):
                Assert.IsType<InvalidPostcodeException>(ex);
                break;
            case 403 or 429:
                Assert.IsType<PostcodesRateLimitedException>(ex);
                break;
            default:
                Assert.IsType<PostcodesServiceException>(ex);
                break;
        }
    }

    [Fact]
    public async Task Every_uk_area_type_code_is_accepted_as_a_filter()
    {
        var path = SharedData.Require($"{Folder}/mapit_gb_uk_fixture_types.json");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(path, Ct));
        var types = doc.RootElement.GetProperty("area_types").EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(types.Count >= 58);
        await using var server = await LoopbackServer.StartAsync(200, "{}", "application/json", Ct);
        await using var services = new ServiceCollection().AddMapItClientFor(server.BaseAddress);
        var client = services.GetRequiredService<MapItClient>();
        await client.GetAreasForPointAsync(new BngCoordinate(385400, 158000), types, Ct);
        Assert.Equal($"/point/27700/385400,158000?type={string.Join(',', types)}", Uri.UnescapeDataString(server.Requests.Single()));
    }

    private static int ErrorStatus(string file, JsonNode recorded) =>
        recorded["code"]?.GetValue<int>() ?? int.Parse(file.Split('_')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static string PostcodeFromName(string file)
    {
        var name = file.Split("__")[0];
        return name.Length > "postcode_".Length ? name["postcode_".Length..] : "SW1A1AA";
    }

    private static JsonNode? Node<T>(T value) =>
        JsonSerializer.SerializeToNode(value, MapItJsonContext.Default.Options.GetTypeInfo(typeof(T)));

    private static void AssertNoUnknownFields(string body, JsonObject? shape)
    {
        var strict = new JsonSerializerOptions(MapItJsonContext.Default.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        var type = shape switch
        {
            not null when shape.ContainsKey("srid_en") => typeof(MapItGeometryInfo),
            { Count: 1 } when shape["postcode"] is JsonObject => typeof(MapItNearest),
            not null when shape.ContainsKey("wgs84_lat") => typeof(MapItPostcode),
            not null when shape.ContainsKey("id") && shape.ContainsKey("type") => typeof(MapItArea),
            _ => typeof(IReadOnlyDictionary<int, MapItArea>),
        };
        JsonSerializer.Deserialize(body, strict.GetTypeInfo(type));
    }

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    private static JsonNode? GeoJson(NetTopologySuite.Geometries.Geometry geometry) => JsonSerializer.SerializeToNode(geometry, GeoJsonOptions);
}
