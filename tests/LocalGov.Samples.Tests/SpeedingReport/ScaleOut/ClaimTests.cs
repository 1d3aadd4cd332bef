using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SpeedingReport.Delivery;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport.ScaleOut;

/// <summary>How a worker claims when others share the database, and what it does with a claim it held too long.</summary>
public abstract class ClaimTests<TFixture>(TFixture fixture) : IAsyncLifetime
    where TFixture : StoreFixture
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly DeliveryOptions _options = new() { LeaseDuration = TimeSpan.FromMinutes(2), BatchSize = 4, Concurrency = 1 };

    [Fact]
    public async Task A_send_whose_lease_lapsed_before_its_turn_is_not_made_and_is_claimed_again()
    {
        var reportId = await SubmitAsync();
        var channel = new CountingChannel();
        var slow = Processor(channel);
        var claimed = (await slow.ClaimAsync(TestContext.Current.CancellationToken)).Where(c => c.Delivery.ReportId == reportId).ToList();
        Assert.Equal(2, claimed.Count);

        // The worker reaches these only after its lease has run out (a slow channel ahead of them in the batch).
        _time.Advance(_options.LeaseDuration);
        foreach (var delivery in claimed)
        {
            await slow.DeliverAsync(delivery, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, channel.Calls);
        var other = Processor(channel);
        _time.Advance(TimeSpan.FromSeconds(1));
        await other.RunOnceAsync(TestContext.Current.CancellationToken);
        await using var db = await fixture.Store.CreateAsync(TestContext.Current.CancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking().Include(d => d.Attempts).Where(d => d.ReportId == reportId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Delivered, other.WorkerId), (d.Status, Assert.Single(d.Attempts).Worker)));
        Assert.Equal(2, channel.Calls);
    }

    /// <summary>What earlier tests left due is closed, so each test sees only its own deliveries.</summary>
    public async ValueTask InitializeAsync()
    {
        if (fixture.Factory is null)
        {
            return;
        }

        await using var db = await fixture.Factory.CreateAsync(TestContext.Current.CancellationToken);
        await db.Deliveries.Where(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.AwaitingId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed), TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected IReportsDbContextFactory Store => fixture.Store;

    protected DeliveryProcessor Processor(IDeliveryChannel channel) =>
        new(fixture.Store, [channel], _time, Options.Create(_options), NullLogger<DeliveryProcessor>.Instance);

    protected async Task<Guid> SubmitAsync()
    {
        var receipt = await fixture.Submitter(_time).SubmitAsync(StoreFixture.Submission(), TestContext.Current.CancellationToken);
        await using var db = await fixture.Store.CreateAsync(TestContext.Current.CancellationToken);
        return await db.Reports.Where(r => r.Reference == receipt.Reference).Select(r => r.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    protected sealed class CountingChannel : IDeliveryChannel
    {
        private int _calls;

        public int Calls => _calls;

        public string Name => "email";

        public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(DeliveryOutcome.Delivered("remote-" + request.DeliveryId));
        }
    }
}

public sealed class SqliteClaimTests(SqliteStoreFixture fixture) : ClaimTests<SqliteStoreFixture>(fixture), IClassFixture<SqliteStoreFixture>;

/// <summary>On PostgreSQL, where workers on several instances claim at the same moment.</summary>
public sealed class PostgresClaimTests(PostgresStoreFixture fixture) : ClaimTests<PostgresStoreFixture>(fixture), IClassFixture<PostgresStoreFixture>
{
    [Fact]
    public async Task A_claim_passes_over_rows_another_claim_is_locking_without_waiting_for_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await SubmitAsync();
        var second = await SubmitAsync();

        // Another worker's claim, caught mid-statement: it has locked the first report's deliveries and not yet committed.
        await using var other = await Store.CreateAsync(ct);
        await using var transaction = await other.Database.BeginTransactionAsync(ct);
        var locked = await other.Deliveries.FromSql($"SELECT * FROM deliveries WHERE \"ReportId\" = {first} FOR UPDATE").Select(d => d.Id).ToListAsync(ct);
        Assert.Equal(2, locked.Count);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        var claimed = await Processor(new CountingChannel()).ClaimAsync(limit.Token);

        Assert.Equal(2, claimed.Count);
        Assert.All(claimed, c => Assert.Equal(second, c.Delivery.ReportId));
        await transaction.RollbackAsync(ct);
    }

    [Fact]
    public async Task Many_claims_at_once_never_share_a_delivery_and_each_takes_a_full_batch_while_enough_are_due()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 16; i++)
        {
            await SubmitAsync();
        }

        // 32 due, 8 workers of batch 4 claiming together: with SKIP LOCKED none comes away empty-handed.
        var workers = Enumerable.Range(0, 8).Select(_ => Processor(new CountingChannel())).ToList();
        var claims = await Task.WhenAll(workers.Select(w => Task.Run(() => w.ClaimAsync(ct), ct)));

        var ids = claims.SelectMany(c => c).Select(c => c.Delivery.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(32, ids.Count);
        Assert.All(claims, c => Assert.Equal(4, c.Count));
    }
}
