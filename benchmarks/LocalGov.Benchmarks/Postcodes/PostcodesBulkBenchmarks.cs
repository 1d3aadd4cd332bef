using BenchmarkDotNet.Attributes;
using LocalGov.Postcodes.PostcodesIo;

namespace LocalGov.Benchmarks.Postcodes;

/// <summary>
/// Resolving N postcodes against a loopback postcodes.io that adds 5 ms per request: the bulk stream (chunks of 100,
/// 4 in flight) against one request per postcode (the pattern of the existing .NET client), in the same run.
/// N is 1,000 by default so CI's dry run stays short (the baseline alone is N × 5 ms); set
/// <c>LOCALGOV_POSTCODES_BENCH_COUNT=10000</c> for the figure.
/// </summary>
public class PostcodesBulkBenchmarks
{
    private static readonly TimeSpan ServerDelay = TimeSpan.FromMilliseconds(5);

    private DelayedPostcodesServer _server = null!;
    private HttpClient _http = null!;
    private PostcodesIoClient _client = null!;
    private string[] _postcodes = [];

    [ParamsSource(nameof(Counts))]
    public int Count { get; set; }

    public static IEnumerable<int> Counts() =>
        [int.TryParse(Environment.GetEnvironmentVariable("LOCALGOV_POSTCODES_BENCH_COUNT"), out var n) && n > 0 ? n : 1_000];

    [GlobalSetup]
    public void Setup()
    {
        _server = new DelayedPostcodesServer(ServerDelay);
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = _server.BaseAddress };
        _client = new PostcodesIoClient(_http);
        _postcodes = Enumerable.Range(0, Count).Select(i => $"AB{(i % 98) + 1} {i % 10}{(char)('A' + (i % 26))}{(char)('A' + (i / 26 % 26))}").ToArray();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "One request per postcode")]
    public async Task<int> OneRequestPerPostcode()
    {
        var found = 0;
        foreach (var postcode in _postcodes)
        {
            var result = await _client.LookupAsync(postcode);
            found += result.Quality > 0 ? 1 : 0;
        }

        return found;
    }

    [Benchmark(Description = "Bulk stream (100 a request, 4 in flight)")]
    public async Task<int> BulkStream()
    {
        var found = 0;
        await foreach (var result in _client.LookupManyAsync(_postcodes))
        {
            found += result.Outcome == PostcodeLookupOutcome.Found ? 1 : 0;
        }

        return found;
    }
}
