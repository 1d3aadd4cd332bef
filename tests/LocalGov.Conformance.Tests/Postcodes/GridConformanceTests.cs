using System.Globalization;
using LocalGov.Postcodes.Grid;
using LocalGov.Testing;

namespace LocalGov.Conformance.Tests.Postcodes;

/// <summary>OSTN15 against the 40 official OS test points, and Helmert's measured error against the same points.</summary>
public sealed class GridConformanceTests
{
    private const string TestFolder = "data/ostn15/test";
    private const string GridFolder = "data/ostn15/grid";

    private static Ostn15GridConverter LoadOstn15() => Ostn15GridConverter.Load(SharedData.Require(GridFolder));

    [Fact]
    public void Ostn15_reproduces_every_os_etrs89_to_osgb36_test_point_within_1_mm()
    {
        var folder = SharedData.Require(TestFolder);
        var inputs = Read(Path.Combine(folder, "OSTN15_OSGM15_TestInput_ETRStoOSGB.txt"));
        var outputs = Read(Path.Combine(folder, "OSTN15_OSGM15_TestOutput_ETRStoOSGB.txt")).ToDictionary(r => r[0]);
        var converter = LoadOstn15();
        Assert.Equal(40, inputs.Count);
        foreach (var row in inputs)
        {
            var expected = outputs[row[0]];
            var bng = converter.ToBng(new Wgs84Coordinate(D(row[1]), D(row[2])));
            Assert.True(Math.Abs(bng.Easting - D(expected[1])) <= 0.001, $"{row[0]} easting {bng.Easting:F4} vs {expected[1]}");
            Assert.True(Math.Abs(bng.Northing - D(expected[2])) <= 0.001, $"{row[0]} northing {bng.Northing:F4} vs {expected[2]}");
        }
    }

    [Fact]
    public void Ostn15_reproduces_every_os_osgb36_to_etrs89_test_point_within_1_mm()
    {
        var folder = SharedData.Require(TestFolder);
        var inputs = Read(Path.Combine(folder, "OSTN15_OSGM15_TestInput_OSGBtoETRS.txt"));
        var results = Read(Path.Combine(folder, "OSTN15_OSGM15_TestOutput_OSGBtoETRS.txt")).Where(r => r[1] == "RESULT").ToDictionary(r => r[0]);
        var converter = LoadOstn15();
        Assert.Equal(40, inputs.Count);
        foreach (var row in inputs)
        {
            var expected = results[row[0]];
            var wgs = converter.ToWgs84(new BngCoordinate(D(row[1]), D(row[2])));
            var dNorth = (wgs.Latitude - D(expected[2])) * 111_320;
            var dEast = (wgs.Longitude - D(expected[3])) * 111_320 * Math.Cos(wgs.Latitude * Math.PI / 180);
            Assert.True(Math.Sqrt((dNorth * dNorth) + (dEast * dEast)) <= 0.001, $"{row[0]}: {wgs} vs {expected[2]}, {expected[3]}");
        }
    }

    [Fact]
    public void Helmert_error_against_the_os_test_points_is_as_documented()
    {
        var folder = SharedData.Require(TestFolder);
        var inputs = Read(Path.Combine(folder, "OSTN15_OSGM15_TestInput_ETRStoOSGB.txt"));
        var outputs = Read(Path.Combine(folder, "OSTN15_OSGM15_TestOutput_ETRStoOSGB.txt")).ToDictionary(r => r[0]);
        var helmert = new HelmertGridConverter();
        var errors = inputs.Select(row =>
        {
            var bng = helmert.ToBng(new Wgs84Coordinate(D(row[1]), D(row[2])));
            var expected = outputs[row[0]];
            return Math.Sqrt(Math.Pow(bng.Easting - D(expected[1]), 2) + Math.Pow(bng.Northing - D(expected[2]), 2));
        }).ToList();

        // The README's table: mean about 2 m, worst about 5 m (PROJ/PostGIS measured 1.94 m and 4.94 m on the same points).
        TestContext.Current.SendDiagnosticMessage($"Helmert vs OSTN15 on 40 OS points: mean {errors.Average():F2} m, max {errors.Max():F2} m");
        Assert.InRange(errors.Average(), 1.5, 2.5);
        Assert.InRange(errors.Max(), 4.0, 5.5);
    }

    [Fact]
    public void Helmert_matches_the_independent_proj_measurement_point_by_point()
    {
        var path = Path.Combine(SharedData.Require(TestFolder), "helmert_vs_ostn15_measured.csv");
        var helmert = new HelmertGridConverter();
        foreach (var row in File.ReadLines(path).Skip(1).Select(l => l.Split(',')))
        {
            var bng = helmert.ToBng(new Wgs84Coordinate(D(row[1]), D(row[2])));
            var distance = Math.Sqrt(Math.Pow(bng.Easting - D(row[6]), 2) + Math.Pow(bng.Northing - D(row[7]), 2));
            Assert.True(distance < 0.05, $"{row[0]}: ours ({bng.Easting:F3}, {bng.Northing:F3}) vs PROJ ({row[6]}, {row[7]})");
        }
    }

    private static List<string[]> Read(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Split(',')).ToList();

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
