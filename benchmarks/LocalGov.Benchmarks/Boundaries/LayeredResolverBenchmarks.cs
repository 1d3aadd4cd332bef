using BenchmarkDotNet.Attributes;
using LocalGov.Boundaries;

namespace LocalGov.Benchmarks.Boundaries;

/// <summary>
/// BoundaryResolver over 188,880 centroids per invocation: the parish layer alone (baseline), four layers at once
/// (parish, ward, district, and the 2013 districts standing in for a county layer: the shared data has no county
/// file), on one core and as a parallel batch on all cores, in input order (<see cref="BatchSorting.Auto"/>);
/// <c>FourLayersSorted</c> is the same batch looked up along a Z curve (<see cref="BatchSorting.Always"/>).
/// </summary>
public class LayeredResolverBenchmarks
{
    private BoundaryResolver _one = null!;
    private BoundaryResolver _four = null!;
    private BoundaryResolver _fourSorted = null!;
    private double[] _xs = null!;
    private double[] _ys = null!;
    private ResolvedArea[] _answers = null!;
    private int[] _indexes = null!;

    [ParamsSource(nameof(Datasets))]
    public string Dataset { get; set; } = BoundaryBenchmarkData.Approx;

    [Params(BoundaryBenchmarkData.Shuffled, BoundaryBenchmarkData.Hilbert)]
    public string Order { get; set; } = BoundaryBenchmarkData.Shuffled;

    /// <summary>The WGS84 parish sets (the centroids are WGS84; the official 50 are BNG).</summary>
    public static IEnumerable<string> Datasets => BoundaryBenchmarkData.Datasets.Where(d => d != BoundaryBenchmarkData.Official50);

    [GlobalSetup]
    public void Setup()
    {
        (_xs, _ys) = BoundaryBenchmarkData.Points(Dataset, Order);
        var four = FourLayers(Dataset);
        _one = BoundaryResolver.Build([four[0]]);
        _four = BoundaryResolver.Build(four);
        _fourSorted = BoundaryResolver.Build(four, new BoundaryResolverOptions { SortBatches = BatchSorting.Always });
        _answers = new ResolvedArea[_xs.Length * 4];
        _indexes = new int[_xs.Length * 4];
        var s = _four.Statistics;
        Console.WriteLine($"// {Dataset}: four layers, {s.VertexCount:N0} vertices; index {s.IndexBytes:N0} B = {s.BytesPerVertex:F1} B/vertex");
    }

    /// <summary>The dataset's parishes, then the Aylesbury Vale wards, the 2020 districts of England and Wales and the 2013 districts of England.</summary>
    internal static BoundaryLayer[] FourLayers(string dataset) =>
    [
        new("parish", BoundaryBenchmarkData.Set(dataset)),
        new("ward", BoundaryLoader.Load(SharedDataLocator.Combine("data/boundaries/wards/martinjc_wards_by_lad_E07000004_WD13.json"))),
        new("district", BoundaryLoader.Load(SharedDataLocator.Combine("data/boundaries/lad/ons_geogLA2020EW.topo.json"))),
        new("county", BoundaryLoader.Load(SharedDataLocator.Combine("data/boundaries/lad/martinjc_eng_topo_lad13.json"))),
    ];

    [Benchmark(Baseline = true, OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int OneLayer()
    {
        _one.ResolveMany(_xs, _ys, _answers.AsSpan(0, _xs.Length));
        return _xs.Length;
    }

    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int FourLayers()
    {
        _four.ResolveMany(_xs, _ys, _answers);
        return _xs.Length;
    }

    /// <summary>The parish layer as area indexes (integers: no write barrier per answer).</summary>
    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int OneLayerIndexes()
    {
        _one.ResolveMany(_xs, _ys, _indexes.AsSpan(0, _xs.Length));
        return _xs.Length;
    }

    /// <summary>Four layers as area indexes.</summary>
    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int FourLayersIndexes()
    {
        _four.ResolveMany(_xs, _ys, _indexes);
        return _xs.Length;
    }

    /// <summary>Four layers with the batch sorted along a Z curve (<see cref="BatchSorting.Always"/>): what the sort buys or costs.</summary>
    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int FourLayersSorted()
    {
        _fourSorted.ResolveMany(_xs, _ys, _answers);
        return _xs.Length;
    }

    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int OneLayerParallel()
    {
        _one.ResolveManyInParallel(_xs, _ys, _answers.AsMemory(0, _xs.Length));
        return _xs.Length;
    }

    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int FourLayersParallel()
    {
        _four.ResolveManyInParallel(_xs, _ys, _answers);
        return _xs.Length;
    }
}
