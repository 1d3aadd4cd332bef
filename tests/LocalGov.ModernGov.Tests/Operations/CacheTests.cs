using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LocalGov.ModernGov.Tests.Operations;

/// <summary>HybridCache-backed reads: lifetimes, stale-if-error, the stale limit, and sharing through a distributed cache.</summary>
public sealed class CacheTests
{
    private static ServiceProvider Build(Uri baseUrl, string council, TimeProvider time, Action<ModernGovCacheOptions>? cache = null, IDistributedCache? distributed = null)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton(time);
        if (distributed is not null)
        {
            services.AddSingleton(distributed);
        }

        services.AddModernGov(council, o =>
        {
            o.BaseUrl = baseUrl;
            o.MaxRetryAttempts = 0;
            o.Timeout = TimeSpan.FromSeconds(20);
        });
        services.AddModernGovCache(o =>
        {
            o.ParishCouncils = TimeSpan.FromHours(1);
            o.MaxStaleAge = TimeSpan.FromDays(1);
            cache?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_failing_council_is_answered_from_the_last_good_answer_marked_stale_then_past_the_limit_with_its_error()
    {
        var up = true;
        await using var server = await Council.StartSwitchableAsync(Council.Parishes, () => Volatile.Read(ref up));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var name = Council.UniqueName("stale");
        await using var provider = Build(server.BaseAddress, name, time);
        var cache = provider.GetRequiredService<IModernGovCache>();
        var ct = TestContext.Current.CancellationToken;

        var first = await cache.GetParishCouncilsAsync(name, ct);
        Assert.False(first.FromCache);
        Assert.False(first.IsStale);
        Assert.Equal("Ashcombe Parish Council", Assert.Single(first.Value).Name);
        Assert.Equal(time.GetUtcNow(), first.RetrievedAt);

        time.Advance(TimeSpan.FromMinutes(30));
        var second = await cache.GetParishCouncilsAsync(name, ct);
        Assert.True(second.FromCache);
        Assert.False(second.IsStale);
        Assert.Single(server.Requests);

        // The council goes down; the entry's lifetime (1 h) has passed but the stale limit (1 day) has not.
        Volatile.Write(ref up, false);
        time.Advance(TimeSpan.FromHours(2));
        var stale = await cache.GetParishCouncilsAsync(name, ct);
        Assert.True(stale.IsStale);
        Assert.True(stale.FromCache);
        var cause = Assert.IsType<ModernGovHttpException>(stale.StaleBecause);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, cause.StatusCode);
        Assert.Equal("clerk@ashcombe.example.org", Assert.Single(stale.Value).Email);
        Assert.Equal(first.RetrievedAt, stale.RetrievedAt);
        Assert.Equal(TimeSpan.FromHours(2.5), stale.AgeAt(time.GetUtcNow()));
        Assert.Equal(2, server.Requests.Count);

        var logs = provider.GetFakeLogCollector().GetSnapshot();
        var warning = Assert.Single(logs, r => r.Id.Id == 1710);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("ModernGovHttpException", warning.Message, StringComparison.Ordinal);

        // Past MaxStaleAge the typed error comes back.
        time.Advance(TimeSpan.FromDays(1));
        var error = await Assert.ThrowsAsync<ModernGovHttpException>(() => cache.GetParishCouncilsAsync(name, ct));
        Assert.Equal(name, error.Council);
        Assert.Equal("GetParishCouncils", error.Operation);
    }

    [Fact]
    public async Task An_expired_entry_is_refreshed_when_the_council_answers()
    {
        await using var server = await Council.StartSwitchableAsync(Council.Parishes, () => true);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var name = Council.UniqueName("refresh");
        await using var provider = Build(server.BaseAddress, name, time);
        var cache = provider.GetRequiredService<IModernGovCache>();

        await cache.GetParishCouncilsAsync(name, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromHours(2));
        var refreshed = await cache.GetParishCouncilsAsync(name, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(5));
        var hit = await cache.GetParishCouncilsAsync(name, TestContext.Current.CancellationToken);

        Assert.False(refreshed.FromCache);
        Assert.False(refreshed.IsStale);
        Assert.True(hit.FromCache);
        Assert.Equal(refreshed.RetrievedAt, hit.RetrievedAt);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task With_stale_if_error_off_a_failing_council_raises_its_error_once_the_lifetime_is_over()
    {
        var up = true;
        await using var server = await Council.StartSwitchableAsync(Council.Parishes, () => Volatile.Read(ref up));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var name = Council.UniqueName("nostale");
        await using var provider = Build(server.BaseAddress, name, time, o => o.MaxStaleAge = TimeSpan.Zero);
        var cache = provider.GetRequiredService<IModernGovCache>();

        await cache.GetParishCouncilsAsync(name, TestContext.Current.CancellationToken);
        Volatile.Write(ref up, false);
        time.Advance(TimeSpan.FromHours(2));

        await Assert.ThrowsAsync<ModernGovHttpException>(() => cache.GetParishCouncilsAsync(name, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_council_that_never_answered_raises_its_typed_error()
    {
        await using var server = await Council.StartSwitchableAsync(Council.Parishes, () => false);
        var name = Council.UniqueName("down");
        await using var provider = Build(server.BaseAddress, name, TimeProvider.System);

        var error = await Assert.ThrowsAsync<ModernGovHttpException>(() => provider.GetRequiredService<IModernGovCache>().GetCommitteesAsync(name, TestContext.Current.CancellationToken));

        Assert.Equal("GetCommittees", error.Operation);
    }

    [Fact]
    public async Task Two_apps_sharing_a_distributed_cache_share_entries()
    {
        await using var server = await Council.StartSwitchableAsync(Council.Committees, () => true);
        var shared = new SharedDistributedCache();
        // Different registered names, same install: entries are keyed by the install's URL.
        await using var first = Build(server.BaseAddress, Council.UniqueName("app1"), TimeProvider.System, distributed: shared);
        await using var second = Build(server.BaseAddress, Council.UniqueName("app2"), TimeProvider.System, distributed: shared);
        var ct = TestContext.Current.CancellationToken;

        var fromCouncil = await first.GetRequiredService<IModernGovCache>().GetCommitteesAsync(first.GetRequiredService<IModernGovClientFactory>().CouncilNames.Single(), ct);
        await shared.WaitForWriteAsync(ct);
        var fromRedisLike = await second.GetRequiredService<IModernGovCache>().GetCommitteesAsync(second.GetRequiredService<IModernGovClientFactory>().CouncilNames.Single(), ct);

        Assert.False(fromCouncil.FromCache);
        Assert.True(fromRedisLike.FromCache);
        Assert.Equal("Audit", Assert.Single(fromRedisLike.Value).Title);
        Assert.Equal(fromCouncil.RetrievedAt, fromRedisLike.RetrievedAt);
        Assert.Single(server.Requests);
        Assert.True(shared.Writes > 0);
    }

    [Fact]
    public async Task Every_cached_shape_survives_the_distributed_cache()
    {
        await using var server = await Council.StartSwitchableAsync(Support.Fixtures.Meeting, () => true);
        var shared = new SharedDistributedCache();
        await using var first = Build(server.BaseAddress, "a", TimeProvider.System, distributed: shared);
        await using var second = Build(server.BaseAddress, "b", TimeProvider.System, distributed: shared);
        var ct = TestContext.Current.CancellationToken;

        var original = await first.GetRequiredService<IModernGovCache>().GetMeetingAsync("a", 4967, ct);
        await shared.WaitForWriteAsync(ct);
        var copy = await second.GetRequiredService<IModernGovCache>().GetMeetingAsync("b", 4967, ct);

        Assert.True(copy.FromCache);
        Assert.Equal(original.Value.Id, copy.Value.Id);
        Assert.Equal(original.Value.Date, copy.Value.Date);
        Assert.Equal(original.Value.AgendaItems.Count, copy.Value.AgendaItems.Count);
        Assert.NotEmpty(copy.Value.AgendaItems);
        Assert.Equal(original.Value.AgendaItems[0].Text?.Html, copy.Value.AgendaItems[0].Text?.Html);
        Assert.Equal(original.Value.AgendaItems[0].LinkedDocuments.Count, copy.Value.AgendaItems[0].LinkedDocuments.Count);
        Assert.Equal(original.Value.Time, copy.Value.Time);
    }

    [Fact]
    public void Invalid_lifetimes_fail_at_start()
    {
        var services = new ServiceCollection();
        services.AddModernGov("c", o => o.BaseUrl = new Uri("https://democracy.example.gov.uk/"));
        services.AddModernGovCache(o => o.Meetings = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ModernGovCacheOptions>>().Value);
    }

    /// <summary>
    /// An in-process distributed cache standing for Redis. HybridCache ignores a bare MemoryDistributedCache as its second
    /// level (it would duplicate the first), so the real one is wrapped; writes are counted to show the second level is used.
    /// </summary>
    private sealed class SharedDistributedCache : IDistributedCache
    {
        private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        /// <summary>HybridCache may write the second level after returning, as another instance would find it a moment later.</summary>
        public async Task WaitForWriteAsync(CancellationToken cancellationToken)
        {
            for (var i = 0; i < 100 && Writes == 0; i++)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        public byte[]? Get(string key) => _inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _inner.GetAsync(key, token);

        public void Refresh(string key) => _inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

        public void Remove(string key) => _inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            _inner.Set(key, value, options);
            Interlocked.Increment(ref _writes);
        }

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            var task = _inner.SetAsync(key, value, options, token);
            Interlocked.Increment(ref _writes);
            return task;
        }
    }
}
