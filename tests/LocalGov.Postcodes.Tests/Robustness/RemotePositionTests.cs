using System.Globalization;
using CsCheck;
using LocalGov.Postcodes.Grid;
using LocalGov.Postcodes.MapIt;
using LocalGov.Testing;

namespace LocalGov.Postcodes.Tests.Robustness;

/// <summary>
/// Every position a server sends (MapIt's postcodes, nearest results, area extents and boundaries; postcodes.io's
/// eastings and northings) is checked: a latitude of 999, an easting of -5 or 1e300, or NaN is a typed error naming the
/// value, while an absent (null) position is accepted, as both services send none for some postcodes.
/// </summary>
public sealed class RemotePositionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static readonly Gen<double> OutsideLatitude = Gen.OneOf(Gen.Double[90.0001, 1e300], Gen.Double[-1e300, -90.0001], Gen.Const(999.0));
    private static readonly Gen<double> OutsideLongitude = Gen.OneOf(Gen.Double[180.0001, 1e300], Gen.Double[-1e300, -180.0001]);
    private static readonly Gen<double> OutsideGrid = Gen.OneOf(Gen.Double[1_300_000.001, 1e300], Gen.Double[-1e300, -0.001]);

    private static string MapItPostcode(string lat, string lon, string easting = "385400", string northing = "158000", string extra = "") =>
        $$$"""{"postcode":"BA14 8AA","wgs84_lat":{{{lat}}},"wgs84_lon":{{{lon}}},"coordsyst":"G","easting":{{{easting}}},"northing":{{{northing}}}{{{extra}}},"areas":{},"shortcuts":{}}""";

    [Fact]
    public async Task A_mapit_postcode_outside_wgs84_or_the_grid_is_a_typed_error_naming_it()
    {
        var bodies = Gen.OneOf(
            OutsideLatitude.Select(v => (Body: MapItPostcode(Number(v), "-2.2"), Says: "not a WGS84 position")),
            OutsideLongitude.Select(v => (Body: MapItPostcode("51.3", Number(v)), Says: "not a WGS84 position")),
            OutsideGrid.Select(v => (Body: MapItPostcode("51.3", "-2.2", easting: Number(v)), Says: "outside the grid")),
            OutsideGrid.Select(v => (Body: MapItPostcode("51.3", "-2.2", northing: Number(v)), Says: "outside the grid")));
        // One server answers every sample with the current body, so samples run one at a time (threads: 1).
        var body = "";
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 200, body), Ct);
        var client = Fixtures.PlainMapIt(server);

        await bodies.SampleAsync(async c =>
        {
            body = c.Body;
            var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => client.GetPostcodeAsync("BA14 8AA", Ct));
            Assert.Contains(c.Says, error.Message, StringComparison.Ordinal);
            Assert.Contains("BA14 8AA", error.Message, StringComparison.Ordinal);
            Assert.Contains("GetPostcodeAsync", error.Message, StringComparison.Ordinal);
        }, iter: 40, threads: 1);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("\"NaN\"")]
    [InlineData("Infinity")]
    [InlineData("\"-Infinity\"")]
    [InlineData("\"51.3\"")]
    [InlineData("1e999")]
    public async Task A_mapit_latitude_that_is_not_a_json_number_is_a_typed_error(string latitude)
    {
        await using var server = await LoopbackServer.StartAsync(200, MapItPostcode(latitude, "-2.2"), "application/json", Ct);

        var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => Fixtures.PlainMapIt(server).GetPostcodeAsync("BA14 8AA", Ct));

        Assert.Contains("GetPostcodeAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapit_postcode_without_a_position_is_accepted_with_nulls()
    {
        await using var server = await LoopbackServer.StartAsync(200, MapItPostcode("null", "null", "null", "null"), "application/json", Ct);

        var postcode = await Fixtures.PlainMapIt(server).GetPostcodeAsync("BA14 8AA", Ct);

        Assert.Null(postcode.Wgs84Latitude);
        Assert.Null(postcode.Easting);
    }

    [Fact]
    public async Task A_nearest_postcode_outside_wgs84_or_at_a_negative_distance_is_a_typed_error()
    {
        var bodies = Gen.OneOf(
            OutsideLatitude.Select(v => (Body: "{\"postcode\":" + MapItPostcode(Number(v), "-2.2", extra: ",\"distance\":12") + "}", Says: "not a WGS84 position")),
            Gen.Double[-1e300, -0.001].Select(d => (Body: "{\"postcode\":" + MapItPostcode("51.3", "-2.2", extra: ",\"distance\":" + Number(d)) + "}", Says: "not a distance")));
        // One server answers every sample with the current body, so samples run one at a time (threads: 1).
        var body = "";
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 200, body), Ct);
        var client = Fixtures.PlainMapIt(server);

        await bodies.SampleAsync(async c =>
        {
            body = c.Body;
            var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => client.GetNearestPostcodeAsync(new Wgs84Coordinate(51.3, -2.2), Ct));
            Assert.Contains(c.Says, error.Message, StringComparison.Ordinal);
        }, iter: 20, threads: 1);
    }

    [Fact]
    public async Task An_area_extent_outside_wgs84_or_the_grid_is_a_typed_error()
    {
        string[] latitudes = ["min_lat", "max_lat", "centre_lat"];
        string[] grid = ["min_e", "max_e", "centre_e", "min_n", "max_n", "centre_n"];
        var bodies = Gen.OneOf(
            Gen.Select(Gen.Int[0, 2], OutsideLatitude).Select((i, v) => (Field: latitudes[i], Value: Number(v), Says: "not a WGS84 position")),
            Gen.Select(Gen.Int[0, 5], OutsideGrid).Select((i, v) => (Field: grid[i], Value: Number(v), Says: "outside the grid")),
            Gen.Double[-1e300, -0.001].Select(v => (Field: "area", Value: Number(v), Says: "not an area")));
        // One server answers every sample with the current body, so samples run one at a time (threads: 1).
        var body = "";
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 200, body), Ct);
        var client = Fixtures.PlainMapIt(server);

        await bodies.SampleAsync(async c =>
        {
            var fields = new Dictionary<string, string>
            {
                ["parts"] = "1", ["srid_en"] = "27700", ["area"] = "1000", ["min_e"] = "380000", ["max_e"] = "390000", ["centre_e"] = "385000",
                ["min_n"] = "150000", ["max_n"] = "160000", ["centre_n"] = "155000", ["min_lon"] = "-2.3", ["max_lon"] = "-2.1", ["centre_lon"] = "-2.2",
                ["min_lat"] = "51.2", ["max_lat"] = "51.4", ["centre_lat"] = "51.3",
            };
            fields[c.Field] = c.Value;
            body = "{" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

            var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => client.GetGeometryInfoAsync(60705, Ct));

            Assert.Contains(c.Says, error.Message, StringComparison.Ordinal);
            Assert.Contains("GetGeometryInfoAsync", error.Message, StringComparison.Ordinal);
        }, iter: 30, threads: 1);
    }

    [Fact]
    public async Task A_boundary_with_a_point_outside_its_srid_is_a_typed_error_naming_the_area()
    {
        var cases = Gen.OneOf(
            OutsideLatitude.Select(v => (Srid: 4326, X: "-2.2", Y: Number(v))),
            OutsideLongitude.Select(v => (Srid: 4326, X: Number(v), Y: "51.3")),
            Gen.Double[1.0001e8, 1e300].Select(v => (Srid: 27700, X: Number(v), Y: "158000")));
        // One server answers every sample with the current body, so samples run one at a time (threads: 1).
        var body = "";
        await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 200, body), Ct);
        var client = Fixtures.PlainMapIt(server);

        await cases.SampleAsync(async c =>
        {
            var (x0, y0) = c.Srid == 4326 ? ("-2.2", "51.3") : ("385400", "158000");
            body = $$"""{"type":"Polygon","coordinates":[[[{{x0}},{{y0}}],[{{c.X}},{{c.Y}}],[{{x0}},{{y0}}],[{{x0}},{{y0}}]]]}""";

            var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => client.GetGeometryAsync(60705, c.Srid, cancellationToken: Ct));

            Assert.Contains("boundary of area 60705 is unusable", error.Message, StringComparison.Ordinal);
        }, iter: 20, threads: 1);
    }

    [Fact]
    public async Task A_postcodes_io_answer_with_eastings_or_northings_outside_the_grid_is_a_typed_error()
    {
        var values = Gen.OneOf(Gen.Int[1_300_001, int.MaxValue], Gen.Int[int.MinValue, -1]);
        await Gen.Select(values, Gen.Bool).SampleAsync(async (bad, onEastings) =>
        {
            var json = Fixtures.PostcodeJson("SW1A 1AA")
                .Replace("\"eastings\":529090", "\"eastings\":" + (onEastings ? bad : 529090).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("\"northings\":179645", "\"northings\":" + (onEastings ? 179645 : bad).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            await using var server = await LoopbackServer.StartAsync(context => Fixtures.WriteAsync(context, 200, Fixtures.Ok(json)), Ct);

            var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => Fixtures.PlainClient(server).LookupAsync("SW1A 1AA", Ct));

            Assert.Contains("outside the grid", error.Message, StringComparison.Ordinal);
            Assert.Contains("SW1A 1AA", error.Message, StringComparison.Ordinal);
        }, iter: 12, threads: 1);
    }

    [Fact]
    public async Task A_postcodes_io_outcode_with_a_non_finite_or_out_of_range_position_is_a_typed_error()
    {
        string[] bodies =
        [
            """{"outcode":"SW1A","longitude":-0.14,"latitude":999,"northings":179645,"eastings":529090}""",
            """{"outcode":"SW1A","longitude":-0.14,"latitude":51.5,"northings":1e300,"eastings":529090}""",
            """{"outcode":"SW1A","longitude":-0.14,"latitude":51.5,"northings":179645,"eastings":-12}""",
        ];
        foreach (var outcode in bodies)
        {
            await using var server = await LoopbackServer.StartAsync(200, Fixtures.Ok(outcode), "application/json", Ct);

            var error = await Assert.ThrowsAsync<PostcodesInvalidResponseException>(() => Fixtures.PlainClient(server).LookupOutcodeAsync("SW1A", Ct));

            Assert.Contains("SW1A", error.Message, StringComparison.Ordinal);
        }
    }
}
