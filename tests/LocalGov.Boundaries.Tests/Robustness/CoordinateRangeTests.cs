using System.Globalization;
using System.Text;
using CsCheck;

namespace LocalGov.Boundaries.Tests.Robustness;

/// <summary>Numeric extremes: a coordinate outside the CRS's valid range (or not finite) is refused at load, naming the feature.</summary>
public sealed class CoordinateRangeTests
{
    private static readonly double[] Extremes = [1e200, -1e200, 1e154, 1e308, -1e308, double.MaxValue, 1e16, 2.5e6, -2e5, 1.5e6];

    private static string Ring(double x, double y, double size) => string.Create(
        CultureInfo.InvariantCulture,
        $"{x:R} {y:R}, {x + size:R} {y:R}, {x + size:R} {y + size:R}, {x:R} {y:R}");

    [Fact]
    public void A_feature_with_an_extreme_coordinate_is_refused_by_name()
    {
        Gen.Select(Gen.OneOf(Extremes), Gen.Bool, Gen.Int[0, 4], Gen.Bool).Sample((extreme, onX, before, forceCrs) =>
        {
            var rows = new StringBuilder("code,wkt\n");
            for (var i = 0; i < before; i++)
            {
                rows.Append(CultureInfo.InvariantCulture, $"E0{i},\"POLYGON(({Ring(400000 + (i * 200), 100000, 100)}))\"\n");
            }

            var (x, y) = onX ? (extreme, 100000.0) : (400000.0, extreme);
            rows.Append(CultureInfo.InvariantCulture, $"EBAD,\"POLYGON(({Ring(x, y, 100)}))\"\n");
            var options = new BoundaryLoadOptions { Crs = forceCrs ? BoundaryCrs.BritishNationalGrid : null };
            var error = Bounded.Fails<BoundariesException>(() => BoundaryLoader.LoadCsv(new StringReader(rows.ToString()), "extreme.csv", options), TimeSpan.FromSeconds(5), 8 << 20);
            if (!forceCrs && Math.Abs(extreme) < 1e9)
            {
                // Plausible in some CRS, just not ours: without an override the CRS cannot be told, which is the error.
                Assert.IsType<BoundaryCrsException>(error);
                return;
            }

            var file = Assert.IsType<BoundaryFileException>(error);
            Assert.Equal(before + 1, file.FeatureNumber);
            Assert.Contains("EBAD", file.Message, StringComparison.Ordinal);
            Assert.Contains("outside", file.Message, StringComparison.Ordinal);
        }, iter: 60);
    }

    [Fact]
    public void Wgs84_coordinates_beyond_the_globe_are_refused()
    {
        Gen.Select(Gen.Double[180.001, 1e6], Gen.Bool).Sample((beyond, onX) =>
        {
            var (x, y) = onX ? (beyond, 52.0) : (-1.0, beyond);
            var json = string.Create(CultureInfo.InvariantCulture, $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"EBAD"},"geometry":{"type":"Polygon","coordinates":[[[{{{x:R}}},{{{y:R}}}],[{{{x + 0.01:R}}},{{{y:R}}}],[{{{x:R}}},{{{y + 0.01:R}}}],[{{{x:R}}},{{{y:R}}}]]]}}]}""");
            var error = Bounded.Fails(() => BoundaryLoader.LoadGeoJson(new MemoryStream(Encoding.UTF8.GetBytes(json)), "far.geojson", new BoundaryLoadOptions { Crs = BoundaryCrs.Wgs84 }), TimeSpan.FromSeconds(5), 8 << 20);
            Assert.Equal(1, error.FeatureNumber);
            Assert.Contains("EBAD", error.Message, StringComparison.Ordinal);
        }, iter: 30);
    }

    [Fact]
    public void A_topojson_transform_that_overflows_is_refused()
    {
        Gen.Double[1e300, double.MaxValue].Sample(scale =>
        {
            var s = scale.ToString("R", CultureInfo.InvariantCulture);
            var json = """{"type":"Topology","transform":{"scale":[""" + s + "," + s + """],"translate":[0,0]},"arcs":[[[10,10],[1,0],[0,1],[-1,-1]]],"objects":{"a":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"code":"EBAD"}}]}}}""";
            var error = Bounded.Fails(() => BoundaryLoader.LoadTopoJson(new MemoryStream(Encoding.UTF8.GetBytes(json)), "scale.topojson"), TimeSpan.FromSeconds(5), 8 << 20);
            Assert.Contains("EBAD", error.Message, StringComparison.Ordinal);
        }, iter: 20);
    }

    [Theory]
    [InlineData(".csv", "code,wkt\nE1,\"POLYGON((400000 100000, 400100 100000, 400100 100100, 400000 100000))\"\n")]
    [InlineData(".geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"E1"},"geometry":{"type":"Polygon","coordinates":[[[400000,100000],[400100,100000],[400100,100100],[400000,100000]]]}}]}""")]
    [InlineData(".json", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"E1"},"geometry":{"type":"Polygon","coordinates":[[[400000,100000],[400100,100000],[400100,100100],[400000,100000]]]}}]}""")]
    [InlineData(".topojson", """{"type":"Topology","arcs":[[[400000,100000],[400100,100000],[400100,100100],[400000,100000]]],"objects":{"a":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"code":"E1"}}]}}}""")]
    public void A_utf8_bom_at_the_start_is_accepted(string extension, string content)
    {
        var folder = Bounded.TempFolder();
        try
        {
            var path = Path.Combine(folder, "bom" + extension);
            File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(path).Take(3));
            var set = BoundaryLoader.Load(path);
            Assert.Equal("E1", Assert.Single(set.Features).Code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
