using System.Buffers.Binary;
using System.Text;
using CsCheck;
using Microsoft.Data.Sqlite;

namespace LocalGov.Boundaries.Tests.Robustness;

/// <summary>Unbounded recursion: geometry nested far deeper than any boundary is refused before a recursive parser sees it.</summary>
public sealed class NestingDepthTests
{
    private const string Square = "POLYGON((400000 100000, 400100 100000, 400100 100100, 400000 100000))";

    private static readonly string[] WktOpeners = ["GEOMETRYCOLLECTION(", "GEOMETRYCOLLECTION (", "MULTIPOLYGON(", "("];

    /// <summary>WKB of <paramref name="depth"/> nested collections (each of the types 4–7) around a point.</summary>
    internal static byte[] NestedWkb(int depth, uint collectionType, bool littleEndian)
    {
        var bytes = new byte[(depth * 9) + 21];
        var span = bytes.AsSpan();
        for (var i = 0; i < depth; i++)
        {
            span[0] = littleEndian ? (byte)1 : (byte)0;
            Write(span[1..], collectionType, littleEndian);
            Write(span[5..], 1, littleEndian);
            span = span[9..];
        }

        span[0] = littleEndian ? (byte)1 : (byte)0;
        Write(span[1..], 1, littleEndian);
        BitConverter.TryWriteBytes(span[5..], 1.0);
        BitConverter.TryWriteBytes(span[13..], 1.0);
        return bytes;
    }

    private static void Write(Span<byte> at, uint value, bool littleEndian)
    {
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(at, value);
        }
    }

    [Fact]
    public void Deep_wkt_in_a_csv_is_refused_with_its_line()
    {
        Gen.Select(Gen.Int[65, 40_000], Gen.OneOf(WktOpeners), Gen.Int[0, 3])
            .Sample((depth, opener, blankLines) =>
            {
                var wkt = string.Concat(Enumerable.Repeat(opener, depth)) + "POINT(1 1)" + new string(')', depth);
                var csv = "code,wkt\n" + new string('\n', blankLines) + $"E1,\"{Square}\"\nE2,\"{wkt}\"\n";
                var error = Bounded.Fails(() => BoundaryLoader.LoadCsv(new StringReader(csv), "deep.csv"), TimeSpan.FromSeconds(10), 50L * csv.Length + (16 << 20));
                Assert.Equal(3 + blankLines, error.Line);
                Assert.Contains("MaxNestingDepth", error.Message, StringComparison.Ordinal);
            }, iter: 25);
    }

    [Fact]
    public void Deep_wkb_in_a_csv_is_refused()
    {
        Gen.Select(Gen.Int[65, 120_000], Gen.UInt[4, 7], Gen.Bool)
            .Sample((depth, type, little) =>
            {
                var csv = $"code,wkb\nE2,{Convert.ToHexString(NestedWkb(depth, type, little))}\n";
                var error = Bounded.Fails(() => BoundaryLoader.LoadCsv(new StringReader(csv), "deep.csv"), TimeSpan.FromSeconds(10), 20L * csv.Length + (16 << 20));
                Assert.Equal(2, error.Line);
                Assert.Contains("MaxNestingDepth", error.Message, StringComparison.Ordinal);
            }, iter: 20);
    }

    [Fact]
    public void Nesting_within_the_limit_still_loads()
    {
        var wkt = string.Concat(Enumerable.Repeat("GEOMETRYCOLLECTION(", 10)) + Square + new string(')', 10);
        var set = BoundaryLoader.LoadCsv(new StringReader($"code,wkt\nE1,\"{wkt}\"\n"), "ok.csv");
        Assert.Equal(1, set.Report.FeaturesRead);
    }

    [Fact]
    public void Deep_json_is_refused_in_geojson_and_topojson()
    {
        Gen.Select(Gen.Int[65, 50_000], Gen.Bool, Gen.Bool)
            .Sample((depth, topology, bom) =>
            {
                var nested = string.Concat(Enumerable.Repeat("""{"type":"GeometryCollection","geometries":[""", depth)) + """{"type":"Point","coordinates":[1,1]}""" + string.Concat(Enumerable.Repeat("]}", depth));
                var json = topology
                    ? """{"type":"Topology","arcs":[],"objects":{"a":{"type":"GeometryCollection","geometries":[""" + nested + "]}}}"
                    : """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"E1"},"geometry":""" + nested + "}]}";
                var bytes = (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(json)).ToArray();
                var error = Bounded.Fails(
                    () => _ = topology ? BoundaryLoader.LoadTopoJson(new MemoryStream(bytes), "deep.topojson") : BoundaryLoader.LoadGeoJson(new MemoryStream(bytes), "deep.geojson"),
                    TimeSpan.FromSeconds(10),
                    20L * bytes.Length + (16 << 20));
                Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
            }, iter: 20);
    }

    [Fact]
    public void Deep_wkb_in_a_geopackage_blob_is_refused_naming_the_row()
    {
        var folder = Bounded.TempFolder();
        try
        {
            Gen.Select(Gen.Int[65, 100_000], Gen.UInt[4, 7], Gen.Int[0, 2]).Sample((depth, type, envelope) =>
            {
                var path = Path.Combine(folder, $"deep-{Guid.NewGuid():N}.gpkg");
                var wkb = NestedWkb(depth, type, littleEndian: true);
                var envelopeBytes = envelope switch { 0 => 0, 1 => 32, _ => 48 };
                var blob = new byte[8 + envelopeBytes + wkb.Length];
                blob[0] = (byte)'G';
                blob[1] = (byte)'P';
                blob[3] = (byte)(1 | (envelope << 1));
                BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), 27700);
                wkb.CopyTo(blob.AsSpan(8 + envelopeBytes));
                GeoPackages.Create(path, "CREATE TABLE parishes (fid INTEGER PRIMARY KEY, code TEXT, geom BLOB)", ("E2", blob));
                var error = Bounded.Fails(() => BoundaryLoader.LoadGeoPackage(path), TimeSpan.FromSeconds(10), 20L * blob.Length + (16 << 20));
                Assert.Equal(1, error.FeatureNumber);
                Assert.Contains("MaxNestingDepth", error.Message, StringComparison.Ordinal);
            }, iter: 8);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
