using BenchmarkDotNet.Attributes;
using LocalGov.Boundaries;

namespace LocalGov.Benchmarks.Boundaries;

/// <summary>Loading a saved four-layer index file (parish, ward, district, county, with its layer directory) against the parish layer's file alone.</summary>
public class LayeredIndexLoadBenchmarks
{
    private string _one = null!;
    private string _four = null!;

    [ParamsSource(nameof(Datasets))]
    public string Dataset { get; set; } = BoundaryBenchmarkData.Approx;

    public static IEnumerable<string> Datasets => LayeredResolverBenchmarks.Datasets;

    [GlobalSetup]
    public void Setup()
    {
        var layers = LayeredResolverBenchmarks.FourLayers(Dataset);
        _one = Path.Combine(Path.GetTempPath(), $"localgov-bench-{Dataset}-one-{Environment.ProcessId}.idx");
        _four = Path.Combine(Path.GetTempPath(), $"localgov-bench-{Dataset}-four-{Environment.ProcessId}.idx");
        BoundaryResolver.Build([layers[0]]).Save(_one);
        BoundaryResolver.Build(layers).Save(_four);
        Console.WriteLine($"// {Dataset}: parish index file {new FileInfo(_one).Length:N0} bytes, four layers {new FileInfo(_four).Length:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_one);
        File.Delete(_four);
    }

    [Benchmark(Baseline = true)]
    public BoundaryResolver LoadOneLayer() => BoundaryResolver.Load(_one);

    [Benchmark]
    public BoundaryResolver LoadFourLayers() => BoundaryResolver.Load(_four);
}
