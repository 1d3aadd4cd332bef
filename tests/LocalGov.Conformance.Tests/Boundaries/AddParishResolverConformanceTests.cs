using System.Globalization;
using LocalGov.Boundaries;
using LocalGov.Postcodes.Grid;
using LocalGov.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Conformance.Tests.Boundaries;

/// <summary>The DI-registered resolver with the real OSTN15 grid: WGS84 queries land to the millimetre on a BNG index.</summary>
public sealed class AddParishResolverConformanceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("localgov-resolver-ostn15-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void With_the_ostn15_grid_a_wgs84_point_falls_in_a_half_metre_parish_drawn_round_its_official_grid_position()
    {
        var grid = SharedData.Require("data/ostn15/grid");
        var tests = SharedData.Require("data/ostn15/test");
        // OS test point TP04: its ETRS89 position and the OSGB36 grid position OSTN15 gives for it.
        var input = File.ReadLines(Path.Combine(tests, "OSTN15_OSGM15_TestInput_ETRStoOSGB.txt")).Single(l => l.StartsWith("TP04,", StringComparison.Ordinal)).Split(',');
        var output = File.ReadLines(Path.Combine(tests, "OSTN15_OSGM15_TestOutput_ETRStoOSGB.txt")).Single(l => l.StartsWith("TP04,", StringComparison.Ordinal)).Split(',');
        var (latitude, longitude) = (double.Parse(input[1], CultureInfo.InvariantCulture), double.Parse(input[2], CultureInfo.InvariantCulture));
        var (easting, northing) = (double.Parse(output[1], CultureInfo.InvariantCulture), double.Parse(output[2], CultureInfo.InvariantCulture));
        var parishes = Path.Combine(_folder, "parish.geojson");
        File.WriteAllText(parishes, string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"FeatureCollection\",\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}}}},\"features\":[{{\"type\":\"Feature\",\"properties\":{{\"PAR22CD\":\"E04999999\",\"PAR22NM\":\"Half a metre\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{easting - 0.25},{northing - 0.25}],[{easting + 0.25},{northing - 0.25}],[{easting + 0.25},{northing + 0.25}],[{easting - 0.25},{northing + 0.25}],[{easting - 0.25},{northing - 0.25}]]]}}}}]}}"));
        var services = new ServiceCollection();
        services.AddParishResolver(o => { o.ParishBoundaries = parishes; o.Ostn15Directory = grid; });
        using var provider = services.BuildServiceProvider();

        var area = provider.GetRequiredService<ParishResolver>().Resolve(longitude, latitude, BoundaryCrs.Wgs84);

        // The Helmert conversion is metres out here, so only the grid puts the point inside.
        var helmert = new HelmertGridConverter().ToBng(new Wgs84Coordinate(latitude, longitude));
        Assert.True(Math.Abs(helmert.Easting - easting) > 0.25 || Math.Abs(helmert.Northing - northing) > 0.25, "Helmert alone would land inside; the test would prove nothing");
        Assert.Equal("E04999999", area.Code);
    }
}
