using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static LocalGov.Boundaries.Tests.Resolving.TestSets;

namespace LocalGov.Boundaries.Tests.Operations;

/// <summary>The resolver's spans, metrics (outer entry points only) and health check; alone, because the source and meter are process-wide.</summary>
[CollectionDefinition(nameof(OperationsTests), DisableParallelization = true)]
public sealed class OperationsTestsRunAlone;

[Collection(nameof(OperationsTests))]
public sealed class OperationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("localgov-boundaries-ops-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Build_load_and_a_batch_are_measured_once_each_and_single_lookups_not_at_all()
    {
        var spans = new ConcurrentQueue<string>();
        var measurements = new ConcurrentQueue<(string Name, double Value)>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "LocalGov.Boundaries",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => spans.Enqueue(a.DisplayName),
        };
        ActivitySource.AddActivityListener(activities);
        using var meters = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter.Name == "LocalGov.Boundaries") { l.EnableMeasurementEvents(i); } } };
        meters.SetMeasurementEventCallback<long>((i, v, _, _) => measurements.Enqueue((i.Name, v)));
        meters.SetMeasurementEventCallback<double>((i, v, _, _) => measurements.Enqueue((i.Name, v)));
        meters.Start();

        var resolver = ParishResolver.Build(Set(BoundaryCrs.BritishNationalGrid, ("E04000001", "POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))")));
        var index = Path.Combine(_folder, "index.bin");
        resolver.Save(index);
        var loaded = ParishResolver.Load(index);
        for (var i = 0; i < 100; i++)
        {
            loaded.Resolve(400500, 200500);
        }

        var results = new ResolvedArea[3];
        loaded.ResolveMany([400500, 400600, 0], [200500, 200600, 0], results);

        Assert.Equal(["ParishResolver Build", "ParishResolver Load"], spans);
        Assert.Single(measurements, m => m.Name == "localgov.boundaries.index.build.duration");
        Assert.Single(measurements, m => m.Name == "localgov.boundaries.index.load.duration");
        Assert.Equal(3, Assert.Single(measurements, m => m.Name == "localgov.boundaries.resolve.batch.size").Value);
        Assert.Equal(3, measurements.Where(m => m.Name == "localgov.boundaries.resolve.points").Sum(m => m.Value));

        // A layered resolver's batches are measured the same way, in either form.
        var layered = loaded.Layers;
        measurements.Clear();
        layered.ResolveMany([400500.0, 0], [200500.0, 0], new ResolvedArea[2 * layered.LayerCount]);
        layered.ResolveMany([400500.0], [200500.0], new int[layered.LayerCount]);
        Assert.Equal([2.0, 1.0], measurements.Where(m => m.Name == "localgov.boundaries.resolve.batch.size").Select(m => m.Value));
        Assert.Equal(3, measurements.Where(m => m.Name == "localgov.boundaries.resolve.points").Sum(m => m.Value));
    }

    [Fact]
    public async Task The_health_check_is_healthy_with_an_index_and_unhealthy_when_the_file_cannot_be_read()
    {
        var good = Path.Combine(_folder, "good.bin");
        ParishResolver.Build(Set(BoundaryCrs.BritishNationalGrid, ("E04000001", "POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))"))).Save(good);
        var bad = Path.Combine(_folder, "bad.bin");
        await File.WriteAllTextAsync(bad, "not an index", TestContext.Current.CancellationToken);

        var healthy = await CheckAsync(good);
        var unhealthy = await CheckAsync(bad);

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(1, healthy.Entries["parish-resolver"].Data["areas"]);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Equal("BoundaryIndexFileException", unhealthy.Entries["parish-resolver"].Data["error"]);
    }

    private static async Task<HealthReport> CheckAsync(string index)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddParishResolver(o => o.IndexPath = index);
        services.AddHealthChecks().AddParishResolverHealthCheck(tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
    }
}
