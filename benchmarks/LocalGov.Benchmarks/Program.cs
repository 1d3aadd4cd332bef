using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// No job is added here: the job comes from the command line (`--job short`, `--job dry` in CI), because a
// job added in code would run beside the one asked for, not instead of it.
// The CI gate asks first whether the PostGIS cases can run, so it can say why they are skipped.
if (args is ["--probe-postgis"])
{
    Console.WriteLine(LocalGov.Benchmarks.Boundaries.PostGisDatabase.IsAvailable
        ? $"available: {LocalGov.Benchmarks.Boundaries.PostGisDatabase.Description}"
        : $"unavailable: {LocalGov.Benchmarks.Boundaries.PostGisDatabase.Description}");
    return;
}

// Not a benchmark: what a lookup walks on each dataset (pure and mixed cells, runs and edges), to explain the figures.
if (args is ["--profile-lookups", .. var datasets])
{
    foreach (var dataset in datasets)
    {
        LocalGov.Benchmarks.Boundaries.LookupProfile.Print(dataset);
    }

    return;
}

var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(JsonExporter.Full);

BenchmarkSwitcher.FromAssembly(typeof(LocalGov.Benchmarks.SharedDataLocator).Assembly).Run(args, config);
