using LocalGov.Postcodes.Grid;
using LocalGov.Postcodes.MapIt;
using LocalGov.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace LocalGov.Postcodes.Tests;

public sealed class MapItClientTests
{
    private const string TwoParishes = """
        {"60705": {"parent_area": 2245, "generation_high": 25, "all_names": {"O": ["Ordnance Survey", "Trowbridge CP"]}, "id": 60705, "codes": {"ons": "00HY226", "gss": "E04011842", "unit_id": "17101"}, "name": "Trowbridge", "country": "E", "type_name": "Civil parish/community", "generation_low": 12, "country_name": "England", "type": "CPC"},
         "62883": {"parent_area": 2245, "generation_high": 25, "all_names": {}, "id": 62883, "codes": {"gss": "E04011642"}, "name": "Bradford-on-Avon", "country": "E", "type_name": "Civil parish/community", "generation_low": 12, "country_name": "England", "type": "CPC"}}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Point_in_wgs84_sends_lon_lat_types_and_the_key_header_and_surfaces_quota()
    {
        string? key = null;
        await using var server = await LoopbackServer.StartAsync(
            context =>
            {
                key = context.Request.Headers["X-Api-Key"];
                context.Response.Headers["X-Quota-Current"] = "7";
                context.Response.Headers["X-Quota-Limit"] = "50";
                return Fixtures.WriteAsync(context, 200, TwoParishes);
            },
            Ct);
        var client = Fixtures.PlainMapIt(server, new MapItClientOptions { ApiKey = "secret-key" });
        var areas = await client.GetAreasForPointAsync(new Wgs84Coordinate(51.3196, -2.2084), ["cpc", "DIS"], Ct);
        Assert.Equal("/point/4326/-2.2084,51.3196?type=CPC,DIS", Uri.UnescapeDataString(server.Requests.Single()));
        Assert.Equal("secret-key", key);
        Assert.Equal(new MapItQuota(7, 50), client.LastQuota);
        Assert.Equal("E04011842", areas[60705].GssCode);
        Assert.Equal(["Ordnance Survey", "Trowbridge CP"], areas[60705].AllNames["O"]);
        Assert.Equal(2245, areas[62883].ParentArea);
        Assert.DoesNotContain("secret-key", server.Requests.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Point_in_bng_uses_srid_27700()
    {
        await using var server = await LoopbackServer.StartAsync(200, "{}", "application/json", Ct);
        var areas = await Fixtures.PlainMapIt(server).GetAreasForPointAsync(new BngCoordinate(385400.5, 158000), cancellationToken: Ct);
        Assert.Empty(areas);
        Assert.Equal("/point/27700/385400.5,158000", Uri.UnescapeDataString(server.Requests.Single()));
    }

    [Fact]
    public async Task A_body_over_the_size_cap_is_refused()
    {
        var body = "{\"1\": {\"id\": 1, \"name\": \"" + new string('x', 100_000) + "\"}}";
        await using var server = await LoopbackServer.StartAsync(200, body, "application/json", Ct);

        var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => Fixtures.PlainMapIt(server, new MapItClientOptions { MaxResponseBytes = 64 * 1024 }).GetAreasForPointAsync(new BngCoordinate(385400, 158000), cancellationToken: Ct));

        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
        Assert.Single(await Fixtures.PlainMapIt(server).GetAreasForPointAsync(new BngCoordinate(385400, 158000), cancellationToken: Ct));
    }

    [Fact]
    public async Task Postcode_shortcuts_may_be_ids_or_two_tier_objects()
    {
        const string body = """
            {"postcode":"BA14 8AA","wgs84_lat":51.3,"wgs84_lon":-2.2,"coordsyst":"G","easting":385400,"northing":158000,
             "areas":{},"shortcuts":{"WMC":22695,"council":{"county":2245,"district":2300},"ward":{"county":1,"district":2}}}
            """;
        await using var server = await LoopbackServer.StartAsync(200, body, "application/json", Ct);
        var postcode = await Fixtures.PlainMapIt(server).GetPostcodeAsync("ba148aa", Ct);
        Assert.Equal(22695, postcode.Shortcuts!["WMC"].AreaId);
        Assert.Equal(2245, postcode.Shortcuts["council"].County);
        Assert.Equal(2300, postcode.Shortcuts["council"].District);
        Assert.Equal("G", postcode.CoordinateSystem);
    }

    [Theory]
    [InlineData(400, """{"code": 400, "error": "Postcode 'XX' is not valid."}""", typeof(InvalidPostcodeException))]
    [InlineData(404, """{"code": 404, "error": "No Postcode matches the given query."}""", typeof(PostcodeNotFoundException))]
    [InlineData(403, "Rate limit exceeded", typeof(PostcodesRateLimitedException))]
    [InlineData(500, """{"code": 500, "error": "That query was taking too long to compute."}""", typeof(PostcodesServiceException))]
    public async Task Postcode_errors_map_to_typed_exceptions(int status, string body, Type expected)
    {
        await using var server = await LoopbackServer.StartAsync(status, body, body.StartsWith('{') ? "application/json" : "text/plain", Ct);
        var ex = await Assert.ThrowsAnyAsync<PostcodesServiceException>(() => Fixtures.PlainMapIt(server).GetPostcodeAsync("XX", Ct));
        Assert.IsType(expected, ex);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("MapIt", ex.Service);
        Assert.NotNull(ex.ServerMessage);
    }

    [Fact]
    public async Task Area_errors_are_not_found_and_bad_request()
    {
        await using var notFound = await LoopbackServer.StartAsync(404, """{"code": 404, "error": "No areas were found that matched code gss = E04999999."}""", "application/json", Ct);
        var ex = await Assert.ThrowsAsync<PostcodesNotFoundException>(() => Fixtures.PlainMapIt(notFound).GetAreaByGssCodeAsync("E04999999", Ct));
        Assert.Contains("E04999999", ex.ServerMessage, StringComparison.Ordinal);
        Assert.Equal("/code/gss/E04999999", notFound.Requests.Single());

        await using var bad = await LoopbackServer.StartAsync(400, """{"code": 400, "error": "Bad area ID specified"}""", "application/json", Ct);
        var badEx = await Assert.ThrowsAsync<PostcodesServiceException>(() => Fixtures.PlainMapIt(bad).GetAreaAsync(-1, Ct));
        Assert.Equal("Bad area ID specified", badEx.ServerMessage);
    }

    [Fact]
    public async Task Gss_code_lookup_follows_mapits_redirect_with_the_key()
    {
        var keys = new List<string?>();
        await using var server = await LoopbackServer.StartAsync(
            context =>
            {
                lock (keys)
                {
                    keys.Add(context.Request.Headers["X-Api-Key"]);
                }

                if (context.Request.Path.StartsWithSegments("/code", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = 302;
                    context.Response.Headers.Location = "/area/60705";
                    return Task.CompletedTask;
                }

                return Fixtures.WriteAsync(context, 200, """{"id": 60705, "name": "Trowbridge", "parent_area": 2245, "type": "CPC", "type_name": "Civil parish/community", "country": "E", "country_name": "England", "generation_low": 12, "generation_high": 25, "codes": {"gss": "E04011842"}, "all_names": {}}""");
            },
            Ct);
        await using var services = Fixtures.Services(server.BaseAddress, apiKey: "k2");
        var area = await services.GetRequiredService<MapItClient>().GetAreaByGssCodeAsync("E04011842", Ct);
        Assert.Equal(60705, area.Id);
        Assert.Equal(["/code/gss/E04011842", "/area/60705"], server.Requests);
        Assert.Equal(["k2", "k2"], keys);
    }

    [Fact]
    public async Task Usage_limit_is_rate_limited_with_quota()
    {
        await using var server = await LoopbackServer.StartAsync(
            context =>
            {
                context.Response.Headers["X-Quota-Current"] = "50";
                context.Response.Headers["X-Quota-Limit"] = "50";
                return Fixtures.WriteAsync(context, 403, """{"error": "Usage limit reached."}""");
            },
            Ct);
        var ex = await Assert.ThrowsAsync<PostcodesRateLimitedException>(() => Fixtures.PlainMapIt(server).GetAreaAsync(1, Ct));
        Assert.Equal(new MapItQuota(50, 50), ex.Quota);
    }

    [Fact]
    public async Task Children_and_covers_filter_by_type()
    {
        await using var server = await LoopbackServer.StartAsync(200, TwoParishes, "application/json", Ct);
        var client = Fixtures.PlainMapIt(server);
        Assert.Equal(2, (await client.GetChildrenAsync(2245, ["CPC"], Ct)).Count);
        Assert.Equal(2, (await client.GetCoveredAreasAsync(65622, ["CPC", "NCP"], Ct)).Count);
        Assert.Equal(2, (await client.GetRelatedAreasAsync(1, MapItAreaRelation.Touches, cancellationToken: Ct)).Count);
        Assert.Equal(["/area/2245/children?type=CPC", "/area/65622/covers?type=CPC,NCP", "/area/1/touches"], server.Requests.Select(Uri.UnescapeDataString));
    }

    [Fact]
    public async Task Geometry_is_read_as_nts_with_the_srid()
    {
        const string polygon = """{"type": "Polygon", "coordinates": [[[385000, 158000], [386000, 158000], [386000, 159000], [385000, 158000]]]}""";
        await using var server = await LoopbackServer.StartAsync(200, polygon, "application/json", Ct);
        var geometry = await Fixtures.PlainMapIt(server).GetGeometryAsync(60705, 27700, 10, Ct);
        Assert.IsType<Polygon>(geometry);
        Assert.Equal(27700, geometry.SRID);
        Assert.Equal(500_000, geometry.Area, 3);
        Assert.Equal("/area/27700/60705.geojson?simplify_tolerance=10", server.Requests.Single());
    }

    [Fact]
    public async Task Geometry_that_is_not_geojson_is_an_invalid_response()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"type": "Pentagon"}""", "application/json", Ct);
        await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => Fixtures.PlainMapIt(server).GetGeometryAsync(1, cancellationToken: Ct));
    }

    [Fact]
    public async Task Geometry_info_and_nearest_read_their_shapes()
    {
        await using var server = await LoopbackServer.StartAsync(
            context => context.Request.Path.StartsWithSegments("/nearest", StringComparison.Ordinal)
                ? Fixtures.WriteAsync(context, 200, """{"postcode": {"coordsyst": "G", "distance": 519051.0, "easting": 295977, "northing": 178963, "postcode": "PO14 1NT", "wgs84_lat": 51.5, "wgs84_lon": -3.5}}""")
                : Fixtures.WriteAsync(context, 200, """{"parts": 1, "srid_en": 27700, "area": 1234.5, "min_e": 1, "min_n": 2, "max_e": 3, "max_n": 4, "centre_e": 2, "centre_n": 3, "min_lon": -2.1, "min_lat": 51.1, "max_lon": -2.0, "max_lat": 51.2, "centre_lon": -2.05, "centre_lat": 51.15}"""),
            Ct);
        var client = Fixtures.PlainMapIt(server);
        var nearest = await client.GetNearestPostcodeAsync(new Wgs84Coordinate(51.5, -3.5), Ct);
        Assert.Equal(519051.0, nearest.Distance);
        var info = await client.GetGeometryInfoAsync(60705, Ct);
        Assert.Equal(1234.5, info.Area);
        Assert.Equal(27700, info.SridEn);
    }

    [Fact]
    public async Task Quota_endpoint_reads_headers_or_body()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"quota": {"current": 12, "limit": 1000}}""", "application/json", Ct);
        Assert.Equal(new MapItQuota(12, 1000), await Fixtures.PlainMapIt(server).GetQuotaAsync(Ct));
    }

    [Fact]
    public async Task Di_client_retries_and_sends_the_key()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(
            context => Interlocked.Increment(ref calls) == 1
                ? Fixtures.WriteAsync(context, 503, "busy", "text/plain")
                : Fixtures.WriteAsync(context, 200, context.Request.Headers["X-Api-Key"] == "k1" ? TwoParishes : "{}"),
            Ct);
        await using var services = Fixtures.Services(server.BaseAddress, apiKey: "k1");
        var areas = await services.GetRequiredService<MapItClient>().GetAreasByTypeAsync(["CPC"], Ct);
        Assert.Equal(2, areas.Count);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Arguments_and_options_are_checked()
    {
        var client = new MapItClient(new HttpClient());
        Assert.Equal(MapItClientOptions.PublicBaseAddress, client.BaseAddress);
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetAreasForPointAsync(new Wgs84Coordinate(double.NaN, 0), cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetAreasForPointAsync(new BngCoordinate(-5, 0), cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetChildrenAsync(1, ["C,P"], Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetGeometryAsync(1, 0, cancellationToken: Ct));
        Assert.Throws<ArgumentException>(() => new MapItClient(new HttpClient(), new MapItClientOptions { ApiKey = "has space" }));
        var services = new ServiceCollection();
        services.AddMapItClient(o => o.AttemptTimeout = TimeSpan.Zero);
        await using var provider = services.BuildServiceProvider();
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<MapItClient>());
    }
}
