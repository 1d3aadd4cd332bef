using BenchmarkDotNet.Attributes;
using LocalGov.Boundaries;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;

namespace LocalGov.Benchmarks.Boundaries;

/// <summary>
/// Point → parish lookups for 188,880 points per invocation, one core: the resolver against two NetTopologySuite baselines
/// (STRtree of prepared geometries with Covers; STRtree with IndexedPointInAreaLocator), both warmed so their lazily built
/// indexes are complete before measuring.
/// </summary>
public class ParishResolverBenchmarks
{
    private readonly GeometryFactory _factory = new();
    private ParishResolver _resolver = null!;
    private STRtree<IPreparedGeometry> _prepared = null!;
    private STRtree<(int Index, IndexedPointInAreaLocator Locator)> _locators = null!;
    private double[] _xs = null!;
    private double[] _ys = null!;
    private ResolvedArea[] _results = null!;
    private int[] _indexes = null!;
    private int[] _floorCells = null!;
    private double _floorMinX, _floorMinY, _floorInverseSize;
    private int _floorNx, _floorNy;

    [ParamsSource(nameof(Datasets))]
    public string Dataset { get; set; } = BoundaryBenchmarkData.Official50;

    [Params(BoundaryBenchmarkData.Shuffled, BoundaryBenchmarkData.Hilbert)]
    public string Order { get; set; } = BoundaryBenchmarkData.Shuffled;

    public static IEnumerable<string> Datasets => BoundaryBenchmarkData.Datasets;

    [GlobalSetup(Targets = [nameof(Resolver), nameof(ResolverIndexes)])]
    public void SetupResolver()
    {
        var set = SetupQueries();
        _resolver = ParishResolver.Build(set, options: new ParishResolverOptions { MaxDegreeOfParallelism = 1 });
        var s = _resolver.Statistics;
        Console.WriteLine($"// {Dataset}: {set.Features.Count} areas, {set.VertexCount:N0} vertices; index {s.IndexBytes:N0} B = {s.BytesPerVertex:F1} B/vertex, {s.CellCount:N0} cells, {s.MixedCellCount:N0} mixed");
    }

    /// <summary>
    /// The floor: an int array with as many cells as the resolver's index, over the same extent; each point is mapped to
    /// its cell and the cell read. What any flat grid must pay (the same memory traffic, no geometry).
    /// </summary>
    [GlobalSetup(Target = nameof(FloorGridRead))]
    public void SetupFloor()
    {
        var set = SetupQueries();
        var cells = ParishResolver.Build(set, options: new ParishResolverOptions { MaxDegreeOfParallelism = 1 }).Statistics.CellCount;
        var extent = new Envelope();
        foreach (var feature in set.Features)
        {
            extent.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }

        var size = Math.Sqrt(extent.Width * extent.Height / cells);
        _floorNx = (int)Math.Ceiling(extent.Width / size) + 1;
        _floorNy = (int)Math.Ceiling(extent.Height / size) + 1;
        _floorMinX = extent.MinX;
        _floorMinY = extent.MinY;
        _floorInverseSize = 1 / size;
        _floorCells = new int[_floorNx * _floorNy];
        new Random(1).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_floorCells.AsSpan()));
    }

    [GlobalSetup(Target = nameof(StrTreePreparedCovers))]
    public void SetupPrepared()
    {
        SetupQueries();
        _prepared = BoundaryBenchmarkData.PreparedTree(Dataset);
        _locators = null!;
        _ = StrTreePreparedCovers(); // prepared geometries build their indexes lazily, on first use
    }

    [GlobalSetup(Target = nameof(StrTreeIndexedLocator))]
    public void SetupLocator()
    {
        SetupQueries();
        _locators = BoundaryBenchmarkData.LocatorTree(Dataset);
        _ = StrTreeIndexedLocator();
    }

    /// <summary>The baselines hold gigabytes on the 7 M-vertex set; dropping them keeps later cases' forced GCs short.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _prepared = null!;
        _locators = null!;
        _resolver = null!;
        _floorCells = null!;
        GC.Collect();
    }

    private BoundarySet SetupQueries()
    {
        (_xs, _ys) = BoundaryBenchmarkData.Points(Dataset, Order);
        _results = new ResolvedArea[_xs.Length];
        _indexes = new int[_xs.Length];
        return BoundaryBenchmarkData.Set(Dataset);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int StrTreePreparedCovers()
    {
        var found = 0;
        for (var i = 0; i < _xs.Length; i++)
        {
            var point = _factory.CreatePoint(new Coordinate(_xs[i], _ys[i]));
            foreach (var candidate in _prepared.Query(point.EnvelopeInternal))
            {
                if (candidate.Covers(point))
                {
                    found++;
                    break;
                }
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int StrTreeIndexedLocator()
    {
        var visitor = new LocatorVisitor();
        var found = 0;
        for (var i = 0; i < _xs.Length; i++)
        {
            visitor.Reset(new Coordinate(_xs[i], _ys[i]));
            _locators.Query(new Envelope(visitor.Point), visitor);
            found += visitor.Found >= 0 ? 1 : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int Resolver()
    {
        _resolver.ResolveMany(_xs, _ys, _results);
        return _results.Length;
    }

    /// <summary>The same lookups as area indexes (<c>BoundaryResolver.ResolveMany</c> into an <c>int</c> span: no write barrier per answer).</summary>
    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int ResolverIndexes()
    {
        _resolver.Layers.ResolveMany(_xs, _ys, _indexes);
        return _indexes.Length;
    }

    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int FloorGridRead()
    {
        var cells = _floorCells;
        var sum = 0;
        for (var i = 0; i < _xs.Length; i++)
        {
            var cx = (int)((_xs[i] - _floorMinX) * _floorInverseSize);
            var cy = (int)((_ys[i] - _floorMinY) * _floorInverseSize);
            if ((uint)cx < (uint)_floorNx && (uint)cy < (uint)_floorNy)
            {
                sum += cells[(cy * _floorNx) + cx];
            }
        }

        return sum;
    }

    private sealed class LocatorVisitor : IItemVisitor<(int Index, IndexedPointInAreaLocator Locator)>
    {
        public Coordinate Point { get; private set; } = new();

        public int Found { get; private set; } = -1;

        public void Reset(Coordinate point)
        {
            Point = point;
            Found = -1;
        }

        public void VisitItem((int Index, IndexedPointInAreaLocator Locator) item)
        {
            if (Found < 0 && item.Locator.Locate(Point) != Location.Exterior)
            {
                Found = item.Index;
            }
        }
    }
}
