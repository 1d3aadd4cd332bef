using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SpeedingReport.Delivery;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The delivery worker on a real store, time moved with FakeTimeProvider, a channel that answers as scripted.</summary>
public abstract class DeliveryWorkerTests<TFixture>(TFixture fixture) : IAsyncLifetime
    where TFixture : StoreFixture
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));

    private readonly DeliveryOptions _options = new() { BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromHours(1), MaxAttempts = 4, LeaseDuration = TimeSpan.FromMinutes(2), BatchSize = 100 };

    [Fact]
    public async Task Both_deliveries_are_made_and_each_attempt_recorded()
    {
        var channel = new ScriptedChannel();
        var (reportId, reference) = await SubmitAsync();

        await Processor(channel).RunOnceAsync(TestContext.Current.CancellationToken);

        var deliveries = await DeliveriesAsync(reportId);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Delivered, d.Status));
        Assert.All(deliveries, d => Assert.Equal(("remote-" + d.Id, 1, null, null), (d.RemoteId, d.Attempts.Count, d.ClaimedBy, d.LeaseExpiresAt)));
        Assert.All(channel.Calls, c => Assert.Equal(reference, c.Reference));
        Assert.Equal(2, channel.Calls.Count);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_the_backoff_and_then_delivered()
    {
        var channel = new ScriptedChannel(DeliveryOutcome.Transient("HTTP 500 from Notify"));
        var (reportId, _) = await SubmitAsync(oneDelivery: true);
        var processor = Processor(channel);

        await processor.RunOnceAsync(TestContext.Current.CancellationToken);
        var failed = Assert.Single(await DeliveriesAsync(reportId, DeliveryKind.ToResponsibleBody));
        Assert.Equal(DeliveryStatus.Pending, failed.Status);
        Assert.Equal("HTTP 500 from Notify", failed.LastError);
        var wait = failed.NextAttemptAt - _time.GetUtcNow();
        Assert.InRange(wait, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));

        // Not due yet: nothing is called.
        _time.Advance(wait - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await processor.RunOnceAsync(TestContext.Current.CancellationToken));

        _time.Advance(TimeSpan.FromSeconds(1));
        await processor.RunOnceAsync(TestContext.Current.CancellationToken);
        var delivered = Assert.Single(await DeliveriesAsync(reportId, DeliveryKind.ToResponsibleBody));
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        Assert.Equal([DeliveryOutcomeKind.Transient, DeliveryOutcomeKind.Delivered], delivered.Attempts.OrderBy(a => a.Number).Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_429_waits_at_least_the_retry_after_the_server_asked_for()
    {
        var channel = new ScriptedChannel(DeliveryOutcome.Transient("HTTP 429 RateLimitError", TimeSpan.FromMinutes(5)));
        var (reportId, _) = await SubmitAsync(oneDelivery: true);
        var processor = Processor(channel);

        await processor.RunOnceAsync(TestContext.Current.CancellationToken);
        var waiting = Assert.Single(await DeliveriesAsync(reportId, DeliveryKind.ToResponsibleBody));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(5), waiting.NextAttemptAt);

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await processor.RunOnceAsync(TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromSeconds(1));
        await processor.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(await DeliveriesAsync(reportId, DeliveryKind.ToResponsibleBody)).Status);
    }

    [Fact]
    public async Task A_permanent_failure_is_recorded_with_its_reason_and_not_retried()
    {
        var channel = new ScriptedChannel(DeliveryOutcome.Permanent("HTTP 400 ValidationError: email_address Not a valid email address"));
        var (reportId, _) = await SubmitAsync(oneDelivery: true);
        var processor = Processor(channel);

        await processor.RunOnceAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromDays(1));
        await processor.RunOnceAsync(TestContext.Current.CancellationToken);

        var failed = Assert.Single(await DeliveriesAsync(reportId, DeliveryKind.ToResponsibleBody));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal("HTTP 400 ValidationError: email_address Not a valid email address", failed.LastError);
        Assert.Single(failed.Attempts);
        Assert.Single(channel.Calls);
    }

    [Fact]
    public async Task Transient_failures_give_up_after_the_most_attempts_saying_why()
    {
        var channel = new ScriptedChannel([.. Enumerable.Repeat(DeliveryOutcome.Transient("timeout"), 10)]);
        var (reportId, _) = await SubmitAsync(oneDelivery: true);
        var processor = Processor(channel);

        for (var i = 0; i < 6; i++)
        {
            await processor.RunOnceAsync(TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromHours(1));
        }

        var failed = Assert.Single(await DeliveriesAsync(reportId, DeliveryKind.ToResponsibleBody));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(4, failed.Attempts.Count);
        Assert.StartsWith("Gave up after 4 attempts", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_kept_and_followed_up_with_the_channel()
    {
        var channel = new ScriptedChannel(DeliveryOutcome.AwaitingId("token-123"));
        var (reportId, _) = await SubmitAsync(oneDelivery: true);
        var processor = Processor(channel);

        await processor.RunOnceAsync(TestContext.Current.CancellationToken);
        var awaiting = Assert.Single(await DeliveriesAsync(reportId, DeliveryKind.ToResponsibleBody));
        Assert.Equal((DeliveryStatus.AwaitingId, "token-123"), (awaiting.Status, awaiting.PendingToken));

        _time.Advance(_options.TokenFollowUpInterval);
        await processor.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(await DeliveriesAsync(reportId, DeliveryKind.ToResponsibleBody)).Status);
        Assert.Equal([null, "token-123"], channel.Calls.Select(c => c.PendingToken));
    }

    [Fact]
    public async Task A_worker_stopped_between_claim_and_send_leaves_the_lease_to_lapse_and_another_delivers()
    {
        var (reportId, _) = await SubmitAsync();
        var dead = Processor(new ScriptedChannel());
        var claimed = await dead.ClaimAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, claimed.Count(c => c.Delivery.ReportId == reportId));

        // The first worker dies here. While its lease holds, nobody else sends.
        var channel = new ScriptedChannel();
        var other = Processor(channel);
        Assert.DoesNotContain(await other.ClaimAsync(TestContext.Current.CancellationToken), c => c.Delivery.ReportId == reportId);

        _time.Advance(_options.LeaseDuration + TimeSpan.FromSeconds(1));
        await other.RunOnceAsync(TestContext.Current.CancellationToken);

        var deliveries = await DeliveriesAsync(reportId);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Delivered, d.Status));
        Assert.All(deliveries, d => Assert.Equal(other.WorkerId, Assert.Single(d.Attempts).Worker));
    }

    [Fact]
    public async Task Two_workers_claiming_at_once_never_share_a_delivery()
    {
        for (var i = 0; i < 10; i++)
        {
            await SubmitAsync();
        }

        var a = Processor(new ScriptedChannel());
        var b = Processor(new ScriptedChannel());
        var claims = await Task.WhenAll(Task.Run(() => a.ClaimAsync(TestContext.Current.CancellationToken)), Task.Run(() => b.ClaimAsync(TestContext.Current.CancellationToken)));

        var ids = claims.SelectMany(c => c).Select(c => c.Delivery.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    /// <summary>The class shares one store: what earlier tests left due is closed, so each test sees only its own deliveries.</summary>
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

    private DeliveryProcessor Processor(IDeliveryChannel channel) =>
        new(fixture.Store, [channel], _time, Options.Create(_options), NullLogger<DeliveryProcessor>.Instance);

    /// <summary>Stores a report; with <paramref name="oneDelivery"/> the resident's confirmation is marked delivered so only the body's is due.</summary>
    private async Task<(Guid ReportId, string Reference)> SubmitAsync(bool oneDelivery = false)
    {
        var submission = StoreFixture.Submission();
        var receipt = await fixture.Submitter(_time).SubmitAsync(submission, TestContext.Current.CancellationToken);
        await using var db = await fixture.Store.CreateAsync(TestContext.Current.CancellationToken);
        var report = await db.Reports.SingleAsync(r => r.Reference == receipt.Reference, TestContext.Current.CancellationToken);
        if (oneDelivery)
        {
            await db.Deliveries.Where(d => d.ReportId == report.Id && d.Kind == DeliveryKind.ConfirmationToResident)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Delivered), TestContext.Current.CancellationToken);
        }

        return (report.Id, receipt.Reference);
    }

    private async Task<List<DeliveryRecord>> DeliveriesAsync(Guid reportId, DeliveryKind? kind = null)
    {
        await using var db = await fixture.Store.CreateAsync(TestContext.Current.CancellationToken);
        return await db.Deliveries.AsNoTracking().Include(d => d.Attempts).Where(d => d.ReportId == reportId && (kind == null || d.Kind == kind)).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Answers with the scripted outcomes in turn, then Delivered; records every request.</summary>
    private sealed class ScriptedChannel(params DeliveryOutcome[] script) : IDeliveryChannel
    {
        private readonly Queue<DeliveryOutcome> _script = new(script);
        private readonly Lock _lock = new();

        public List<DeliveryRequest> Calls { get; } = [];

        public string Name => "email";

        public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                Calls.Add(request);
                return Task.FromResult(_script.TryDequeue(out var outcome) ? outcome : DeliveryOutcome.Delivered("remote-" + request.DeliveryId));
            }
        }
    }
}

public sealed class SqliteDeliveryWorkerTests(SqliteStoreFixture fixture) : DeliveryWorkerTests<SqliteStoreFixture>(fixture), IClassFixture<SqliteStoreFixture>;

public sealed class PostgresDeliveryWorkerTests(PostgresStoreFixture fixture) : DeliveryWorkerTests<PostgresStoreFixture>(fixture), IClassFixture<PostgresStoreFixture>;
