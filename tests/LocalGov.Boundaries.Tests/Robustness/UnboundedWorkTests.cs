using System.Text;
using CsCheck;
using Microsoft.Data.Sqlite;

namespace LocalGov.Boundaries.Tests.Robustness;

/// <summary>Unbounded work: endless views, endless lines and streams, and topologies that expand, stop at a cap that is named.</summary>
public sealed class UnboundedWorkTests : IDisposable
{
    private readonly string _folder = Bounded.TempFolder();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Text that never ends, produced without holding it: <paramref name="prefix"/> then <paramref name="fill"/> for ever.</summary>
    private sealed class EndlessReader(string prefix, char fill) : TextReader
    {
        private int _at;

        public override int Peek() => _at < prefix.Length ? prefix[_at] : fill;

        public override int Read() => _at < prefix.Length ? prefix[_at++] : fill;

        public override int Read(Span<char> buffer)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (char)Read();
            }

            return buffer.Length;
        }
    }

    /// <summary>A stream of bytes that never ends.</summary>
    private sealed class EndlessStream(byte[] prefix, byte fill) : Stream
    {
        private long _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _at; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++, _at++)
            {
                buffer[offset + i] = _at < prefix.Length ? prefix[_at] : fill;
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void An_endless_csv_line_stops_at_the_record_cap_with_its_line()
    {
        Gen.Select(Gen.Int[1_000, 1_000_000], Gen.OneOf('a', ',', '"', '0'), Gen.Int[0, 5]).Sample((cap, fill, rows) =>
        {
            var prefix = "code,wkt\n" + string.Concat(Enumerable.Repeat("E1,\"POLYGON((400000 100000, 400100 100000, 400100 100100, 400000 100000))\"\n", rows)) + "E2,";
            var options = new BoundaryLoadOptions { MaxCsvRecordLength = cap };
            var error = Bounded.Fails(() => BoundaryLoader.LoadCsv(new EndlessReader(prefix, fill), "endless.csv", options), TimeSpan.FromSeconds(10), (40L * cap) + (8 << 20));
            Assert.Equal(2 + rows, error.Line);
            Assert.Contains("MaxCsvRecordLength", error.Message, StringComparison.Ordinal);
        }, iter: 20);
    }

    [Fact]
    public void An_endless_json_stream_stops_at_the_size_cap()
    {
        Gen.Select(Gen.Long[1_000, 4_000_000], Gen.Bool).Sample((cap, topology) =>
        {
            var prefix = Encoding.UTF8.GetBytes(topology ? """{"type":"Topology","arcs":[[""" : """{"type":"FeatureCollection","features":[""");
            var options = new BoundaryLoadOptions { MaxJsonBytes = cap };
            var error = Bounded.Fails(
                () => _ = topology ? BoundaryLoader.LoadTopoJson(new EndlessStream(prefix, (byte)' '), "endless.topojson", options) : BoundaryLoader.LoadGeoJson(new EndlessStream(prefix, (byte)' '), "endless.geojson", options),
                TimeSpan.FromSeconds(10),
                (6 * cap) + (8 << 20));
            Assert.Contains("MaxJsonBytes", error.Message, StringComparison.Ordinal);
        }, iter: 10);
    }

    [Fact]
    public void A_json_file_over_the_size_cap_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_folder, "big.geojson");
        File.WriteAllText(path, """{"type":"FeatureCollection","features":[]}""" + new string(' ', 100_000));
        var error = Bounded.Fails(() => BoundaryLoader.Load(path, new BoundaryLoadOptions { MaxJsonBytes = 50_000 }), TimeSpan.FromSeconds(5), 1 << 20);
        Assert.Contains("MaxJsonBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_geopackage_view_stops_at_the_row_cap()
    {
        Gen.Int[1, 3_000].Sample(cap =>
        {
            var path = Path.Combine(_folder, $"v{Guid.NewGuid():N}.gpkg");
            GeoPackages.Create(path, "CREATE VIEW parishes AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS fid, 'E' || i AS code, NULL AS geom FROM n");
            var error = Bounded.Fails(() => BoundaryLoader.LoadGeoPackage(path, new BoundaryLoadOptions { MaxFeatures = cap }), TimeSpan.FromSeconds(30), (4096L * cap) + (16 << 20));
            Assert.Equal(cap + 1, error.FeatureNumber);
            Assert.Contains("MaxFeatures", error.Message, StringComparison.Ordinal);
        }, iter: 3, threads: 1);
    }

    [Fact]
    public void A_geopackage_view_that_never_yields_a_row_stops_at_the_time_cap()
    {
        var path = Path.Combine(_folder, "slow.gpkg");
        GeoPackages.Create(path, "CREATE VIEW parishes AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) AS fid, 'E1' AS code, NULL AS geom FROM n");
        var error = Bounded.Fails(() => BoundaryLoader.LoadGeoPackage(path, new BoundaryLoadOptions { MaxQueryTime = TimeSpan.FromSeconds(1) }), TimeSpan.FromSeconds(10), 16 << 20);
        Assert.Contains("MaxQueryTime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topology_whose_rings_repeat_an_arc_stops_at_the_vertex_cap()
    {
        Gen.Select(Gen.Int[2, 200], Gen.Int[1_000, 100_000]).Sample((arcLength, cap) =>
        {
            // Arc 0 then ~0 (arc 0 reversed) over and over: each reference is 3 bytes but adds arcLength vertices.
            var arc = string.Join(",", Enumerable.Range(0, arcLength).Select(i => $"[{400000 + i},{100000 + (i % 2)}]"));
            var references = string.Join(",", Enumerable.Repeat("0,-1", (cap / arcLength) + 10));
            var json = """{"type":"Topology","arcs":[[""" + arc + """]],"objects":{"a":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[""" + references + """]],"properties":{"code":"E1"}}]}}}""";
            var bytes = Encoding.UTF8.GetBytes(json);
            var error = Bounded.Fails(() => BoundaryLoader.LoadTopoJson(new MemoryStream(bytes), "expand.topojson", new BoundaryLoadOptions { MaxVertices = cap }), TimeSpan.FromSeconds(10), (200L * cap) + (40L * bytes.Length) + (16 << 20));
            Assert.Contains("MaxVertices", error.Message, StringComparison.Ordinal);
        }, iter: 15);
    }

    [Fact]
    public void Too_many_csv_rows_stop_at_the_feature_cap()
    {
        var csv = "code,wkt\n" + string.Concat(Enumerable.Repeat("E1,\n", 50));
        var error = Bounded.Fails(() => BoundaryLoader.LoadCsv(new StringReader(csv), "rows.csv", new BoundaryLoadOptions { MaxFeatures = 10 }), TimeSpan.FromSeconds(5), 4 << 20);
        Assert.Equal(11, error.FeatureNumber);
    }

    [Fact]
    public void Limits_that_are_not_positive_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BoundaryLoader.LoadCsv(new StringReader("code,wkt\n"), "x.csv", new BoundaryLoadOptions { MaxNestingDepth = 0 }));
        Assert.Throws<ArgumentException>(() => BoundaryLoader.LoadCsv(new StringReader("code,wkt\n"), "x.csv", new BoundaryLoadOptions { MaxQueryTime = TimeSpan.Zero }));
    }
}
