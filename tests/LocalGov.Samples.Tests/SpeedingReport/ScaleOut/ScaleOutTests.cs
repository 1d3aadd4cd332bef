using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport.ScaleOut;

/// <summary>
/// Two real instances behind a "load balancer" without sticky sessions, on one PostgreSQL and one Redis: a journey
/// moves between them, and many reports sent through both are each delivered once by the two workers.
/// </summary>
public sealed class ScaleOutTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    private const int Reports = 500;

    [Fact(Timeout = 120_000)]
    public async Task Both_instances_are_ready_with_redis_and_the_shared_database()
    {
        cluster.Require();
        foreach (var instance in cluster.Instances)
        {
            using var http = new HttpClient { BaseAddress = instance.BaseAddress };
            using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var checks = json.RootElement.GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("redis").GetProperty("status").GetString());
            Assert.Equal("postgres", checks.GetProperty("database").GetProperty("data").GetProperty("provider").GetString());
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task A_journey_whose_requests_alternate_between_the_instances_is_sent_once_and_delivered()
    {
        cluster.Require();
        var instances = cluster.Instances.Select(i => i.BaseAddress).ToList();
        var balancer = new RoundRobin(instances, first: 0);
        using var journey = new JourneyClient(new HttpClient(balancer) { BaseAddress = instances[0] });

        // Each form is fetched from one instance and posted to the other: the session and the antiforgery cookie
        // made by one are read by the other, and its form token is accepted there. One lone GET in between turns the
        // order round, so tokens go both ways (A to B, then B to A).
        Assert.Equal("/road", await journey.SubmitExpectingRedirectAsync("/where/coordinates", ("latitude", "51.92"), ("longitude", "-1.0")));
        Assert.Equal(HttpStatusCode.OK, (await journey.GetAsync("/road")).Status);
        var check = await journey.FinishAsync(road: "Alternating Lane");
        Assert.Contains("Alternating Lane", check.Text, StringComparison.Ordinal);
        var confirmation = await journey.SendAsync();
        var reference = JourneyClient.ReferenceOn(confirmation);

        Assert.All(balancer.Sent, sent => Assert.True(sent >= 7, $"each instance should have served half the journey: {string.Join(", ", balancer.Sent)}"));
        var report = await WaitDeliveredAsync(reference);
        Assert.Equal(2, report.Deliveries.Count);
        Assert.All(report.Deliveries, d => Assert.Equal((DeliveryStatus.Delivered, 1), (d.Status, d.AttemptCount)));
        Assert.All(report.Deliveries, d => Assert.Single(cluster.Notify.Received, r => r.Reference == d.Id.ToString()));
        Assert.Contains(cluster.Notify.Received, r => r.Reference == report.Deliveries.Single(d => d.RecipientAddress == "pat@example.com").Id.ToString() && r.Personalisation["reference"] == reference);
    }

    [Fact(Timeout = 120_000)]
    public async Task Five_hundred_reports_sent_through_both_instances_are_each_delivered_exactly_once()
    {
        cluster.Require();
        var ct = TestContext.Current.CancellationToken;
        var references = new System.Collections.Concurrent.ConcurrentBag<string>();

        // Residents on both instances at once while both workers deliver; each journey alternates between them too.
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Reports), new ParallelOptions { MaxDegreeOfParallelism = 12, CancellationToken = ct }, async (i, _) =>
            {
                using var journey = cluster.Journey(first: i % 2);
                references.Add(await ScaleOutJourney.SendReportAsync(journey, $"Load Road {i}"));
            });
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n--- instance 1:\n{cluster.Instances[0].Output}\n--- instance 2:\n{cluster.Instances[1].Output}");
        }
        Assert.Equal(Reports, references.Distinct().Count());

        var deliveries = await WaitAllDeliveredAsync(references.ToHashSet(StringComparer.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Equal(Reports * 2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Delivered, 1, 1), (d.Status, d.AttemptCount, d.Attempts.Count)));

        // Notify's reference is the delivery id: every delivery reached Notify once, and nothing else did.
        var sent = cluster.Notify.Received.Where(r => r.AnsweredStatus == 201).GroupBy(r => r.Reference!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ours = deliveries.Select(d => d.Id.ToString()).ToHashSet(StringComparer.Ordinal);
        var twice = sent.Where(s => ours.Contains(s.Key) && s.Value > 1).Select(s => s.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} deliveries were sent more than once: {string.Join(", ", twice.Take(10))}");
        Assert.All(ours, id => Assert.True(sent.ContainsKey(id), $"delivery {id} never reached Notify"));

        // Both workers took part: neither instance's worker sat idle behind the other's claims.
        var byWorker = deliveries.SelectMany(d => d.Attempts).GroupBy(a => cluster.Instances.Single(i => a.Worker.StartsWith(i.WorkerIdPrefix, StringComparison.Ordinal)).ProcessId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, byWorker.Count);
        Assert.All(byWorker.Values, count => Assert.True(count >= Reports / 10, $"attempts per instance: {string.Join(", ", byWorker.Values)}"));
    }

    private async Task<ReportRecord> WaitDeliveredAsync(string reference)
    {
        while (true)
        {
            await using var db = cluster.Store();
            var report = await db.Reports.AsNoTracking().Include(r => r.Deliveries).ThenInclude(d => d.Attempts).SingleAsync(r => r.Reference == reference, TestContext.Current.CancellationToken);
            if (report.Deliveries.Count > 0 && report.Deliveries.All(d => d.Status is DeliveryStatus.Delivered or DeliveryStatus.Failed))
            {
                return report;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }

    private async Task<List<DeliveryRecord>> WaitAllDeliveredAsync(HashSet<string> references, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = cluster.Store();
            var deliveries = await db.Deliveries.AsNoTracking().Include(d => d.Report).Include(d => d.Attempts)
                .Where(d => references.Contains(d.Report!.Reference)).ToListAsync(TestContext.Current.CancellationToken);
            var waiting = deliveries.Count(d => d.Status is not (DeliveryStatus.Delivered or DeliveryStatus.Failed));
            if (waiting == 0 || DateTime.UtcNow > until)
            {
                Assert.True(waiting == 0, $"{waiting} deliveries still not made after {timeout}:\n{cluster.Instances[0].Output}\n{cluster.Instances[1].Output}");
                return deliveries;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }
}
