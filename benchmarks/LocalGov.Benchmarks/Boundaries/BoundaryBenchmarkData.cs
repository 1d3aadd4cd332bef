using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using LocalGov.Boundaries;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Densify;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace LocalGov.Benchmarks.Boundaries;

/// <summary>
/// The benchmark datasets and query sets, built once per process (the densified set takes seconds to make).
/// Set LOCALGOV_BENCH_SMOKE=1 to use only the two small datasets (CI's dry run does).
/// </summary>
internal static class BoundaryBenchmarkData
{
    public const string Official50 = "Official50";
    public const string Approx = "ApproxEW";
    public const string Densified = "Densified7M";

    /// <summary>Query orders: a random permutation, and sorted along a Hilbert curve (spatially grouped).</summary>
    public const string Shuffled = "Shuffled";
    public const string Hilbert = "Hilbert";

    /// <summary>Every query set has this many points (the Census 2021 OA centroids), so OperationsPerInvoke is one constant.</summary>
    public const int QueryCount = 188_880;

    private const double DensifiedTargetVertices = 7_000_000;
    private static readonly ConcurrentDictionary<string, Lazy<BoundarySet>> Sets = new();
    private static readonly ConcurrentDictionary<(string, string), Lazy<(double[] X, double[] Y)>> Queries = new();

    /// <summary>Baseline 1: an STRtree of prepared geometries (built per case and dropped after it: it is large).</summary>
    public static STRtree<IPreparedGeometry> PreparedTree(string d)
    {
        var tree = new STRtree<IPreparedGeometry>();
        foreach (var feature in Set(d).Features)
        {
            tree.Insert(feature.Geometry.EnvelopeInternal, PreparedGeometryFactory.Prepare(feature.Geometry));
        }

        tree.Build();
        return tree;
    }

    /// <summary>Baseline 2: an STRtree of IndexedPointInAreaLocator, one per geometry.</summary>
    public static STRtree<(int Index, IndexedPointInAreaLocator Locator)> LocatorTree(string d)
    {
        var tree = new STRtree<(int, IndexedPointInAreaLocator)>();
        var features = Set(d).Features;
        for (var i = 0; i < features.Count; i++)
        {
            tree.Insert(features[i].Geometry.EnvelopeInternal, (i, new IndexedPointInAreaLocator(features[i].Geometry)));
        }

        tree.Build();
        return tree;
    }

    /// <summary>
    /// The datasets to run: all three, less Densified7M under LOCALGOV_BENCH_SMOKE=1, and only those named in
    /// LOCALGOV_BENCH_DATASETS (comma-separated) when it is set, so the CI gate measures just the set its claim needs.
    /// </summary>
    public static IEnumerable<string> Datasets
    {
        get
        {
            IEnumerable<string> all = Environment.GetEnvironmentVariable("LOCALGOV_BENCH_SMOKE") == "1" ? [Official50, Approx] : [Official50, Approx, Densified];
            var only = Environment.GetEnvironmentVariable("LOCALGOV_BENCH_DATASETS");
            if (string.IsNullOrWhiteSpace(only))
            {
                return all;
            }

            var wanted = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return all.Where(d => wanted.Contains(d, StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>The query orders: file order and shuffled, or only those in LOCALGOV_BENCH_ORDERS (comma-separated).</summary>
    public static IEnumerable<string> Orders
    {
        get
        {
            string[] all = ["FileOrder", "Shuffled"];
            var only = Environment.GetEnvironmentVariable("LOCALGOV_BENCH_ORDERS");
            return string.IsNullOrWhiteSpace(only)
                ? all
                : all.Where(o => only.Split(',', StringSplitOptions.TrimEntries).Contains(o, StringComparer.OrdinalIgnoreCase));
        }
    }

    public static BoundarySet Set(string name) => Sets.GetOrAdd(name, n => new Lazy<BoundarySet>(() => LoadSet(n))).Value;

    public static (double[] X, double[] Y) Points(string dataset, string order) =>
        Queries.GetOrAdd((dataset, order), key => new Lazy<(double[] X, double[] Y)>(() => MakePoints(key.Item1, key.Item2))).Value;

    private static BoundarySet LoadSet(string name)
    {
        switch (name)
        {
            case Official50:
                return BoundaryLoader.Load(SharedDataLocator.Combine("data/boundaries/aylesbury-vale-fullres/parish_region.csv"));
            case Approx:
                return BoundaryLoader.Load(SharedDataLocator.Combine("data/boundaries/england-wales-approx/PAR.shp"));
            case Densified:
                // Densifier splits every segment into equal parts, so an edge shared by two parishes gets the same new vertices in both.
                var approx = Set(Approx);
                var length = approx.Features.Sum(f => f.Geometry.Length);
                var tolerance = length / (DensifiedTargetVertices - approx.VertexCount);
                var features = approx.Features.AsParallel().AsOrdered().Select(f => f with { Geometry = Densifier.Densify(f.Geometry, tolerance) }).ToList();
                return new BoundarySet(features, approx.Crs, approx.Report with { Source = approx.Report.Source + " (densified)" });
            default:
                throw new ArgumentException($"unknown dataset {name}", nameof(name));
        }
    }

    private static (double[] X, double[] Y) MakePoints(string dataset, string order)
    {
        double[] xs, ys;
        if (dataset == Official50)
        {
            // The centroids are WGS84 and the official parishes BNG; with no conversion in this package the queries are
            // uniform random points over the parishes' extent, put in Z-order for "file order" (spatially grouped batches).
            var extent = new NetTopologySuite.Geometries.Envelope();
            foreach (var f in Set(Official50).Features)
            {
                extent.ExpandToInclude(f.Geometry.EnvelopeInternal);
            }

            var random = new Random(2021);
            var points = Enumerable.Range(0, QueryCount)
                .Select(_ => (X: extent.MinX + (random.NextDouble() * extent.Width), Y: extent.MinY + (random.NextDouble() * extent.Height)))
                .OrderBy(p => Morton((uint)((p.X - extent.MinX) / extent.Width * 65535), (uint)((p.Y - extent.MinY) / extent.Height * 65535)))
                .ToArray();
            xs = [.. points.Select(p => p.X)];
            ys = [.. points.Select(p => p.Y)];
        }
        else
        {
            (xs, ys) = Centroids();
        }

        if (order == Hilbert)
        {
            // A truly grouped order: the points sorted along a Hilbert curve over their extent (the centroid file's own
            // order is not grouped: its median step between consecutive points is about 80 km).
            var (minX, maxX, minY, maxY) = (xs.Min(), xs.Max(), ys.Min(), ys.Max());
            var keys = new ulong[xs.Length];
            for (var i = 0; i < xs.Length; i++)
            {
                keys[i] = HilbertKey((uint)((xs[i] - minX) / (maxX - minX) * 65535), (uint)((ys[i] - minY) / (maxY - minY) * 65535));
            }

            var order2 = Enumerable.Range(0, xs.Length).OrderBy(i => keys[i]).ToArray();
            xs = [.. order2.Select(i => xs[i])];
            ys = [.. order2.Select(i => ys[i])];
        }

        if (order == Shuffled)
        {
            xs = (double[])xs.Clone();
            ys = (double[])ys.Clone();
            var random = new Random(42);
            for (var i = xs.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (xs[i], xs[j]) = (xs[j], xs[i]);
                (ys[i], ys[j]) = (ys[j], ys[i]);
            }
        }

        return (xs, ys);
    }

    private static (double[] X, double[] Y) Centroids()
    {
        var xs = new List<double>(QueryCount);
        var ys = new List<double>(QueryCount);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(SharedDataLocator.Combine("data/boundaries/points/oa21_pwc.json.gz")), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var c = document.RootElement.GetProperty("geometry").GetProperty("coordinates");
            xs.Add(c[0].GetDouble());
            ys.Add(c[1].GetDouble());
        }

        if (xs.Count != QueryCount)
        {
            throw new InvalidDataException($"expected {QueryCount} centroids, found {xs.Count}");
        }

        return ([.. xs], [.. ys]);
    }

    /// <summary>The distance along a 2^16 × 2^16 Hilbert curve of a cell (x, y).</summary>
    internal static ulong HilbertKey(uint x, uint y)
    {
        ulong d = 0;
        for (uint s = 1u << 15; s > 0; s >>= 1)
        {
            var rx = (x & s) > 0 ? 1u : 0u;
            var ry = (y & s) > 0 ? 1u : 0u;
            d += (ulong)s * s * ((3 * rx) ^ ry);
            if (ry == 0)
            {
                if (rx == 1)
                {
                    x = 65535 - x;
                    y = 65535 - y;
                }

                (x, y) = (y, x);
            }
        }

        return d;
    }

    private static ulong Morton(uint x, uint y)
    {
        static ulong Spread(uint v)
        {
            ulong r = v;
            r = (r | (r << 16)) & 0x0000FFFF0000FFFFUL;
            r = (r | (r << 8)) & 0x00FF00FF00FF00FFUL;
            r = (r | (r << 4)) & 0x0F0F0F0F0F0F0F0FUL;
            r = (r | (r << 2)) & 0x3333333333333333UL;
            return (r | (r << 1)) & 0x5555555555555555UL;
        }

        return Spread(x) | (Spread(y) << 1);
    }
}
