using System.Buffers.Binary;
using CsCheck;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;

namespace LocalGov.Boundaries.Tests.Robustness;

/// <summary>Trusting length fields: a count or length that the bytes cannot hold, or a cut-off file, is an error naming the record.</summary>
public sealed class LengthFieldTests : IDisposable
{
    private static readonly GeometryFactory Factory = new();
    private readonly string _folder = Bounded.TempFolder();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Polygon Square(double x, double y, double size) =>
        Factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    /// <summary>A shapefile of <paramref name="count"/> squares, and where each record starts in the .shp.</summary>
    private (string Path, long[] Records) WriteShapefile(int count)
    {
        var path = Path.Combine(_folder, $"p{Guid.NewGuid():N}.shp");
        var features = Enumerable.Range(0, count)
            .Select(i => new Feature(Square(400000 + (i * 1000), 100000, 900), new AttributesTable { { "CODE", $"E04{i:000000}" }, { "NAME", $"P{i}" } }))
            .ToArray();
        Shapefile.WriteAllFeatures(features, path);
        var bytes = File.ReadAllBytes(path);
        var records = new List<long>();
        for (long at = 100; at < bytes.Length; at += 8 + (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan((int)at + 4)) * 2L))
        {
            records.Add(at);
        }

        return (path, [.. records]);
    }

    [Fact]
    public void Huge_counts_in_a_shapefile_record_are_refused_naming_it()
    {
        Gen.Select(Gen.Int[1, 6], Gen.Int[0, 2], Gen.Int[0x00010000, int.MaxValue], Gen.Int[0, 100])
            .Sample((count, field, value, pick) =>
            {
                var (path, records) = WriteShapefile(count);
                var record = pick % records.Length;
                var bytes = File.ReadAllBytes(path);
                var at = (int)records[record];
                switch (field)
                {
                    case 0: BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 8 + 36), value); break; // numParts
                    case 1: BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 8 + 40), value); break; // numPoints
                    default: BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(at + 4), value); break; // content length
                }

                File.WriteAllBytes(path, bytes);
                var error = Bounded.Fails(() => BoundaryLoader.LoadShapefile(path), TimeSpan.FromSeconds(5), 64L << 20);
                Assert.Equal(record + 1, error.FeatureNumber);
            }, iter: 30);
    }

    [Fact]
    public void A_truncated_shp_is_an_error_never_a_silent_drop()
    {
        Gen.Select(Gen.Int[1, 6], Gen.Double[0, 1]).Sample((count, fraction) =>
        {
            var (path, _) = WriteShapefile(count);
            var length = new FileInfo(path).Length;
            using (var stream = new FileStream(path, FileMode.Open))
            {
                stream.SetLength(100 + (long)((length - 101) * fraction));
            }

            var error = Bounded.Fails(() => BoundaryLoader.LoadShapefile(path), TimeSpan.FromSeconds(5), 64L << 20);
            Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        }, iter: 30);
    }

    [Fact]
    public void A_truncated_dbf_is_an_error_never_lost_codes()
    {
        Gen.Select(Gen.Int[1, 6], Gen.Double[0, 1]).Sample((count, fraction) =>
        {
            var (path, _) = WriteShapefile(count);
            var dbf = Path.ChangeExtension(path, ".dbf");
            var header = File.ReadAllBytes(dbf).AsSpan(0, 12).ToArray();
            var records = (long)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)) * BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10));
            var end = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8)) + records;
            using (var stream = new FileStream(dbf, FileMode.Open))
            {
                stream.SetLength(12 + (long)((end - 13) * fraction));
            }

            var error = Bounded.Fails(() => BoundaryLoader.LoadShapefile(path), TimeSpan.FromSeconds(5), 64L << 20);
            Assert.Contains(".dbf", error.Message, StringComparison.Ordinal);
        }, iter: 30);
    }

    [Fact]
    public void An_intact_shapefile_still_loads_every_feature()
    {
        var (path, _) = WriteShapefile(5);
        Assert.Equal(5, BoundaryLoader.LoadShapefile(path).Features.Count);
    }

    /// <summary>Polygon WKB with one of its counts (rings, or points of the first ring) replaced.</summary>
    private static byte[] PolygonWkbWithCount(bool rings, uint value)
    {
        var wkb = new WKBWriter(ByteOrder.LittleEndian, false).Write(Square(400000, 100000, 100));
        BinaryPrimitives.WriteUInt32LittleEndian(wkb.AsSpan(rings ? 5 : 9), value);
        return wkb;
    }

    [Fact]
    public void Huge_counts_in_csv_wkb_are_refused()
    {
        Gen.Select(Gen.Bool, Gen.UInt[6, uint.MaxValue]).Sample((rings, value) =>
        {
            var csv = $"code,wkb\nE1,{Convert.ToHexString(PolygonWkbWithCount(rings, value))}\n";
            var error = Bounded.Fails(() => BoundaryLoader.LoadCsv(new StringReader(csv), "counts.csv"), TimeSpan.FromSeconds(5), 16L << 20);
            Assert.Equal((2, 1), (error.Line, error.FeatureNumber));
            Assert.Contains("remain", error.Message, StringComparison.Ordinal);
        }, iter: 50);
    }

    [Fact]
    public void Huge_counts_in_a_geopackage_blob_are_refused()
    {
        Gen.Select(Gen.Bool, Gen.UInt[6, uint.MaxValue]).Sample((rings, value) =>
        {
            var wkb = PolygonWkbWithCount(rings, value);
            var blob = new byte[8 + wkb.Length];
            blob[0] = (byte)'G';
            blob[1] = (byte)'P';
            blob[3] = 1;
            wkb.CopyTo(blob.AsSpan(8));
            var path = Path.Combine(_folder, $"c{Guid.NewGuid():N}.gpkg");
            GeoPackages.Create(path, "CREATE TABLE parishes (fid INTEGER PRIMARY KEY, code TEXT, geom BLOB)", ("E1", blob));
            var error = Bounded.Fails(() => BoundaryLoader.LoadGeoPackage(path), TimeSpan.FromSeconds(5), 16L << 20);
            Assert.Equal(1, error.FeatureNumber);
        }, iter: 10);
    }
}
