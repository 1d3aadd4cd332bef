using BenchmarkDotNet.Attributes;
using LocalGov.Boundaries;

namespace LocalGov.Benchmarks.Boundaries;

/// <summary>Building the resolver's index from loaded boundaries (all cores), and loading a saved index file.</summary>
public class ParishIndexBuildBenchmarks
{
    private BoundarySet _set = null!;
    private string _path = null!;

    [ParamsSource(nameof(Datasets))]
    public string Dataset { get; set; } = BoundaryBenchmarkData.Official50;

    public static IEnumerable<string> Datasets => BoundaryBenchmarkData.Datasets;

    [GlobalSetup]
    public void Setup()
    {
        _set = BoundaryBenchmarkData.Set(Dataset);
        _path = Path.Combine(Path.GetTempPath(), $"localgov-bench-{Dataset}-{Environment.ProcessId}.idx");
        ParishResolver.Build(_set).Save(_path);
        Console.WriteLine($"// {Dataset}: index file {new FileInfo(_path).Length:N0} bytes for {_set.VertexCount:N0} vertices");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public ParishResolver Build() => ParishResolver.Build(_set);

    [Benchmark]
    public ParishResolver LoadIndexFile() => ParishResolver.Load(_path);
}
