using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

namespace LocalGov.Benchmarks.SpeedingReport;

/// <summary>
/// Not top-level statements: the sample declares a public global <c>Program</c> (for WebApplicationFactory), and a
/// second one here would conflict with it. The job comes from the command line, as in LocalGov.Benchmarks.
/// </summary>
internal static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance).AddExporter(JsonExporter.Full);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args, config);
    }
}
