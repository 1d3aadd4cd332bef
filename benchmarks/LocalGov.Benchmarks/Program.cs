using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// No job is added here: the job comes from the command line (`--job short`, `--job dry` in CI), because a
// job added in code would run beside the one asked for, not instead of it.
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(JsonExporter.Full);

BenchmarkSwitcher.FromAssembly(typeof(LocalGov.Benchmarks.SharedDataLocator).Assembly).Run(args, config);
