using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport.ScaleOut;

/// <summary>One of two instances is killed while its worker holds deliveries; the other makes them once the lease lapses.</summary>
public sealed class ScaleOutFailoverTests(TwoInstancesShortLease cluster) : IClassFixture<TwoInstancesShortLease>
{
    private const int ReportsBefore = 40;
    private const int InFlight = 6;
    private const int ReportsAfter = 40;

    [Fact(Timeout = 120_000)]
    public async Task An_instance_killed_mid_run_leaves_its_deliveries_to_the_other_which_makes_them_all()
    {
        cluster.Require();
        var ct = TestContext.Current.CancellationToken;
        var (doomed, survivor) = (cluster.Instances[0], cluster.Instances[1]);

        var references = new ConcurrentBag<string>();
        await SendAsync(ReportsBefore, [doomed.BaseAddress, survivor.BaseAddress], references, ct);

        // The next sends are held at Notify, as a slow answer would hold them, so both workers have deliveries in
        // flight (claimed, not recorded) when one instance dies; each holds at most Concurrency of them. These
        // reports go through the survivor (its worker is woken at once; the doomed one's finds the rest at its poll),
        // so no resident's request is cut off by the kill.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < 8; i++)
        {
            cluster.Notify.ScriptHold(release.Task);
        }

        var kill = KillWhileHoldingAsync(doomed, ct);
        await SendAsync(InFlight, [survivor.BaseAddress], references, ct);
        var heldAtKill = await kill;
        release.SetResult();
        Assert.False(survivor.HasExited);

        // Residents go on using the instance that is left.
        await SendAsync(ReportsAfter, [survivor.BaseAddress], references, ct);

        var deliveries = await WaitAllDeliveredAsync(references.ToHashSet(StringComparer.Ordinal), ct);
        Assert.Equal(2 * (ReportsBefore + InFlight + ReportsAfter), deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Delivered, d.Status));

        // What the dead worker held was made by the survivor, and only after the dead one's lease lapsed.
        foreach (var (id, leaseExpiresAt) in heldAtKill)
        {
            var delivery = deliveries.Single(d => d.Id == id);
            Assert.All(delivery.Attempts, a => Assert.StartsWith(survivor.WorkerIdPrefix, a.Worker, StringComparison.Ordinal));
            Assert.True(delivery.Attempts.Min(a => a.StartedAt) >= leaseExpiresAt, $"delivery {id} was taken at {delivery.Attempts.Min(a => a.StartedAt):O}, before the lease lapsed at {leaseExpiresAt:O}");
        }

        // Every delivery reached Notify; only one the dead instance may have sent before it died can have gone twice
        // (at least once: its send could not be recorded), every other exactly once.
        var sent = cluster.Notify.Received.Where(r => r.AnsweredStatus == 201).GroupBy(r => r.Reference!).ToDictionary(g => Guid.Parse(g.Key), g => g.Count());
        Assert.All(deliveries, d => Assert.True(sent.ContainsKey(d.Id), $"delivery {d.Id} never reached Notify"));
        var twice = sent.Where(s => s.Value > 1).Select(s => s.Key).ToList();
        Assert.All(twice, id => Assert.True(heldAtKill.ContainsKey(id), $"delivery {id} was sent {sent[id]} times but the dead instance did not hold it"));
        Assert.All(twice, id => Assert.Equal(2, sent[id]));
    }

    private static async Task SendAsync(int count, IReadOnlyList<Uri> instances, ConcurrentBag<string> references, CancellationToken ct) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, _) =>
        {
            using var journey = RoundRobin.Journey(instances, first: i % instances.Count);
            references.Add(await ScaleOutJourney.SendReportAsync(journey, $"Failover Road {i}"));
        });

    /// <summary>Waits until the instance's worker holds deliveries not yet made, kills it, and returns those it held with their lease expiry.</summary>
    private async Task<Dictionary<Guid, DateTimeOffset>> KillWhileHoldingAsync(AppProcess instance, CancellationToken ct)
    {
        var prefix = instance.WorkerIdPrefix;
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using (var db = cluster.Store())
            {
                if (await db.Deliveries.AnyAsync(d => d.ClaimedBy!.StartsWith(prefix) && d.Status == DeliveryStatus.Pending, ct))
                {
                    break;
                }

                if (DateTime.UtcNow > until)
                {
                    var states = await db.Deliveries.AsNoTracking().GroupBy(d => new { d.Status, d.ClaimedBy }).Select(g => $"{g.Key.Status} {g.Key.ClaimedBy}: {g.Count()}").ToListAsync(ct);
                    Assert.Fail($"the worker of {prefix} never held a delivery; deliveries: {string.Join("; ", states)}; Notify received {cluster.Notify.Received.Count}:\n{instance.Output}");
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }

        instance.Kill();
        await using var after = cluster.Store();
        var held = await after.Deliveries.AsNoTracking()
            .Where(d => d.ClaimedBy!.StartsWith(prefix) && d.Status == DeliveryStatus.Pending)
            .Select(d => new { d.Id, d.LeaseExpiresAt })
            .ToListAsync(ct);
        Assert.NotEmpty(held);
        return held.ToDictionary(d => d.Id, d => d.LeaseExpiresAt!.Value);
    }

    private async Task<List<DeliveryRecord>> WaitAllDeliveredAsync(HashSet<string> references, CancellationToken ct)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using var db = cluster.Store();
            var deliveries = await db.Deliveries.AsNoTracking().Include(d => d.Report).Include(d => d.Attempts)
                .Where(d => references.Contains(d.Report!.Reference)).ToListAsync(ct);
            var waiting = deliveries.Count(d => d.Status is not (DeliveryStatus.Delivered or DeliveryStatus.Failed));
            if (waiting == 0)
            {
                return deliveries;
            }

            Assert.True(DateTime.UtcNow < until, $"{waiting} deliveries still not made by the instance left:\n{cluster.Instances[1].Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }
}
