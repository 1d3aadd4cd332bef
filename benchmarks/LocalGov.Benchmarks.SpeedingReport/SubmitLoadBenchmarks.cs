using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using SpeedingReport.Storage;

namespace LocalGov.Benchmarks.SpeedingReport;

/// <summary>
/// 50 residents sending their reports at once to the app on loopback (Kestrel, demo configuration, its own store).
/// Each iteration first walks every resident's journey to the check page (untimed, <see cref="IterationSetupAttribute"/>),
/// then times only the 50 concurrent "Send report" POSTs to <c>/check</c>: the submit, which stores the report and its
/// deliveries in one transaction. The baseline is the same 50 residents loading the check page (everything but the
/// write). After the run every send is checked: one stored report each, a unique reference, every delivery made to the
/// demo outbox. Submissions per second and p50/p99 latency are printed at the end of each case ("// SpeedingReport load").
/// LOCALGOV_BENCH_SMOKE=1 uses 5 residents, for the CI dry run.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class SubmitLoadBenchmarks
{
    private readonly List<double> _latenciesMs = [];
    private readonly List<string> _references = [];
    private readonly List<string> _failures = [];
    private LoopbackApp? _app;
    private Resident[] _residents = [];
    private bool _prepared;
    private double _timedSeconds;
    private int _iterations;

    public static int Residents => Environment.GetEnvironmentVariable("LOCALGOV_BENCH_SMOKE") == "1" ? 5 : 50;

    /// <summary>SQLite always; PostgreSQL when LOCALGOV_TEST_POSTGRES is set (otherwise said on the console).</summary>
    public static IEnumerable<string> Stores()
    {
        yield return "sqlite";
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LoopbackApp.PostgresVariable)))
        {
            yield return "postgres";
        }
        else
        {
            Console.WriteLine($"// SpeedingReport load: PostgreSQL case skipped: {LoopbackApp.PostgresVariable} is not set");
        }
    }

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public async Task StartAsync()
    {
        _app = await LoopbackApp.StartAsync(Store, CancellationToken.None);
        _residents = [.. Enumerable.Range(1, Residents).Select(n => new Resident(_app.Address, n))];
    }

    [IterationSetup(Target = nameof(SendReports))]
    public void PrepareToSend() => PrepareAsync().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(ViewCheckPage))]
    public void PrepareToView()
    {
        // The check page changes nothing, so one walk serves every iteration.
        if (!_prepared)
        {
            PrepareAsync().GetAwaiter().GetResult();
            _prepared = true;
        }
    }

    [Benchmark(Baseline = true, Description = "50 residents load /check")]
    public async Task ViewCheckPage()
    {
        var codes = await Task.WhenAll(_residents.Select(r => r.ViewCheckAsync(CancellationToken.None)));
        if (codes.Any(c => c != System.Net.HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"GET /check answered {string.Join(", ", codes.Distinct())}");
        }
    }

    [Benchmark(Description = "50 residents send (POST /check)")]
    public async Task SendReports()
    {
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(_residents.Select(async r =>
        {
            var sent = Stopwatch.GetTimestamp();
            var location = await r.SendAsync(CancellationToken.None);
            return (location, Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }));
        _timedSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
        _iterations++;
        lock (_latenciesMs)
        {
            _latenciesMs.AddRange(results.Select(r => r.TotalMilliseconds));
            _failures.AddRange(results.Where(r => r.location != "/confirmation").Select(r => r.location ?? "no redirect"));
        }
    }

    [IterationCleanup(Target = nameof(SendReports))]
    public void ReadReferences() => ReadReferencesAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task StopAsync()
    {
        try
        {
            if (_iterations > 0)
            {
                PrintSummary();
                await VerifyAsync();
            }
        }
        finally
        {
            foreach (var resident in _residents)
            {
                resident.Dispose();
            }

            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }

    private async Task PrepareAsync() => await Task.WhenAll(_residents.Select(r => r.PrepareAsync(CancellationToken.None)));

    private async Task ReadReferencesAsync()
    {
        var references = await Task.WhenAll(_residents.Select(r => r.ReferenceAsync(CancellationToken.None)));
        _references.AddRange(references);
    }

    private void PrintSummary()
    {
        var sorted = _latenciesMs.Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// SpeedingReport load [{Store}]: {sorted.Length} submissions by {Residents} concurrent residents in {_iterations} iterations (warm-up included): " +
            $"{sorted.Length / _timedSeconds:F0} submissions/s, p50 {Percentile(0.50):F0} ms, p99 {Percentile(0.99):F0} ms, max {sorted[^1]:F0} ms; " +
            $"{Environment.ProcessorCount} cores, load average {load}"));
    }

    /// <summary>Nothing lost: every send stored once with a unique reference, every delivery made.</summary>
    private async Task VerifyAsync()
    {
        if (_failures.Count > 0)
        {
            throw new InvalidOperationException($"{_failures.Count} sends did not reach the confirmation: {string.Join(", ", _failures.Distinct().Take(5))}");
        }

        if (_references.Distinct(StringComparer.Ordinal).Count() != _references.Count)
        {
            throw new InvalidOperationException("Two residents were shown the same reference");
        }

        var since = Stopwatch.GetTimestamp();
        while (true)
        {
            await using var db = await _app!.Store.CreateAsync(CancellationToken.None);
            var stored = await db.Reports.AsNoTracking().Select(r => new { r.Reference, r.SubmissionId }).ToListAsync();
            var deliveries = await db.Deliveries.AsNoTracking().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var outbox = await db.DemoOutbox.CountAsync();
            var delivered = deliveries.Where(d => d.Key == DeliveryStatus.Delivered).Sum(d => d.Count);
            if (stored.Count != _references.Count || !stored.Select(s => s.Reference).Order(StringComparer.Ordinal).SequenceEqual(_references.Order(StringComparer.Ordinal), StringComparer.Ordinal)
                || stored.Select(s => s.SubmissionId).Distinct().Count() != stored.Count)
            {
                throw new InvalidOperationException($"{_references.Count} references shown, {stored.Count} reports stored: not one each");
            }

            if (delivered == 2 * stored.Count && outbox == delivered)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"// SpeedingReport load [{Store}]: verified {stored.Count} reports stored once each with unique references, {delivered} deliveries made ({outbox} demo outbox messages), {Stopwatch.GetElapsedTime(since).TotalSeconds:F1} s after the last send"));
                return;
            }

            if (deliveries.Any(d => d.Key == DeliveryStatus.Failed) || Stopwatch.GetElapsedTime(since) > TimeSpan.FromMinutes(3))
            {
                throw new InvalidOperationException($"Deliveries not all made: {string.Join(", ", deliveries.Select(d => $"{d.Key} {d.Count}"))}, outbox {outbox}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
