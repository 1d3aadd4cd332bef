using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace LocalGov.Cli.Tests.Robustness;

/// <summary>Hostile boundary files and point inputs: exit 1–4 (never 5), and stderr names the problem without a stack trace.</summary>
public sealed class HostileBoundaryInputTests : IDisposable
{
    private const string Square = "POLYGON((400000 100000, 400100 100000, 400100 100100, 400000 100100, 400000 100000))";

    private readonly string _folder = Directory.CreateTempSubdirectory("lg-hostile-").FullName;

    public HostileBoundaryInputTests() => File.WriteAllText(PathOf("ok.csv"), $"code,name,wkt\nE04000001,Ok,\"{Square}\"\n");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    internal static void AssertCleanFailure(CliResult result, int exitCode, params string[] mentions)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith("error: ", result.Error.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", result.Error, StringComparison.Ordinal);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, result.Error, StringComparison.Ordinal);
        }
    }

    private static byte[] NestedWkb(int depth)
    {
        var bytes = new byte[(depth * 9) + 21];
        for (var i = 0; i < depth; i++)
        {
            bytes[i * 9] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((i * 9) + 1), 7);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((i * 9) + 5), 1);
        }

        bytes[depth * 9] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((depth * 9) + 1), 1);
        return bytes;
    }

    [Fact]
    public async Task Geometry_nested_30000_deep_in_wkt_is_exit_4_not_a_crash()
    {
        var wkt = string.Concat(Enumerable.Repeat("GEOMETRYCOLLECTION(", 30_000)) + "POINT(1 1)" + new string(')', 30_000);
        File.WriteAllText(PathOf("deep.csv"), $"code,wkt\nE1,\"{Square}\"\nE2,\"{wkt}\"\n");
        AssertCleanFailure(await CliRunner.RunAsync("boundaries", "info", PathOf("deep.csv")), 4, "line 3", "MaxNestingDepth");
    }

    [Fact]
    public async Task Geometry_nested_100000_deep_in_wkb_is_exit_4_not_a_crash()
    {
        File.WriteAllText(PathOf("deep.csv"), $"code,wkb\nE2,{Convert.ToHexString(NestedWkb(100_000))}\n");
        AssertCleanFailure(await CliRunner.RunAsync("boundaries", "info", PathOf("deep.csv")), 4, "line 2", "MaxNestingDepth");
    }

    [Fact]
    public async Task A_wkb_count_the_bytes_cannot_hold_is_exit_4_naming_the_row()
    {
        var wkb = new byte[9 + 16];
        wkb[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(wkb.AsSpan(1), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(wkb.AsSpan(5), 0x0FFFFFFF);
        File.WriteAllText(PathOf("counts.csv"), $"code,wkb\nE1,{Convert.ToHexString(wkb)}\n");
        var result = await CliRunner.RunAsync("boundaries", "info", PathOf("counts.csv"));
        AssertCleanFailure(result, 4, "line 2", "feature 1", "remain");
        Assert.DoesNotContain("NetTopologySuite", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_shapefile_is_exit_4_never_a_silent_drop()
    {
        var path = PathOf("parishes.shp");
        var squares = Enumerable.Range(0, 3).Select(i => new NetTopologySuite.Features.Feature(
            new NetTopologySuite.Geometries.GeometryFactory().CreatePolygon([new(400000 + (i * 1000), 100000), new(400900 + (i * 1000), 100000), new(400900 + (i * 1000), 100900), new(400000 + (i * 1000), 100000)]),
            new NetTopologySuite.Features.AttributesTable { { "CODE", $"E0400000{i}" } }));
        NetTopologySuite.IO.Esri.Shapefile.WriteAllFeatures(squares, path);
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(stream.Length - 40);
        }

        AssertCleanFailure(await CliRunner.RunAsync("boundaries", "info", path), 4, "truncated");
    }

    [Fact]
    public async Task An_endless_geopackage_view_is_exit_4_naming_the_cap()
    {
        var path = PathOf("endless.gpkg");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT);
                INSERT INTO gpkg_spatial_ref_sys VALUES ('OSGB36 / British National Grid', 27700, 'EPSG', 27700, '');
                CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
                INSERT INTO gpkg_geometry_columns VALUES ('parishes', 'geom', 'POLYGON', 27700, 0, 0);
                CREATE VIEW parishes AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS fid, 'E' || i AS code, NULL AS geom FROM n;
                """;
            command.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        AssertCleanFailure(await CliRunner.RunAsync("boundaries", "info", path), 4, "MaxFeatures");
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("1e200")]
    [InlineData("1e154")]
    [InlineData("-1e308")]
    public async Task A_coordinate_outside_the_crs_is_exit_4_naming_the_feature(string extreme)
    {
        File.WriteAllText(PathOf("wide.csv"), $"code,wkt\nE1,\"{Square}\"\nEWIDE,\"POLYGON((0 0, {extreme} 0, {extreme} {extreme}, 0 0))\"\n");
        AssertCleanFailure(await CliRunner.RunAsync("boundaries", "index", "--parishes", PathOf("wide.csv"), "--crs", "EPSG:27700", "--out", PathOf("wide.idx")), 4, "line 3", "feature 2", "EWIDE", "outside");
        Assert.False(File.Exists(PathOf("wide.idx")));
    }

    [Fact]
    public async Task A_geojson_with_a_bom_loads()
    {
        File.WriteAllText(PathOf("bom.geojson"), """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"E1"},"geometry":{"type":"Polygon","coordinates":[[[400000,100000],[400100,100000],[400100,100100],[400000,100000]]]}}]}""", new UTF8Encoding(true));
        var result = await CliRunner.RunAsync("boundaries", "info", PathOf("bom.geojson"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 loaded", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("400050,100050\n400050;100050\n", "line 2", "expected 'x,y'")]
    [InlineData("\n\n400050,NaN\n", "line 3", "finite")]
    [InlineData("400050,100050\n1e400,5\n", "line 2", "finite")]
    [InlineData("x,y\n400050,100050\n9999999,100050\n", "line 3", "British National Grid")]
    [InlineData("400050,100050,7\n", "line 1", "expected 'x,y'")]
    public async Task Bad_points_are_exit_4_with_their_1_based_line(string input, string line, string problem)
    {
        File.WriteAllText(PathOf("points.csv"), input);
        AssertCleanFailure(await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("ok.csv"), "--input", PathOf("points.csv")), 4, line, problem);
    }

    [Fact]
    public async Task Points_after_a_bom_and_with_crlf_resolve()
    {
        File.WriteAllText(PathOf("points.csv"), "x,y\r\n400050,100050\r\n", new UTF8Encoding(true));
        var result = await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("ok.csv"), "--input", PathOf("points.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("400050,100050,E04000001,Ok,parish\n", result.Output);
    }
}
