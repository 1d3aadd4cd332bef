using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SpeedingReport.Configuration;
using SpeedingReport.Delivery;
using SpeedingReport.Staff.Attention;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport.Staff;

/// <summary>The summary of deliveries that need attention on a real store (a fresh one per test), the clock moved with FakeTimeProvider.</summary>
public abstract class AttentionSummaryTests<TFixture> : IAsyncLifetime
    where TFixture : StoreFixture, new()
{
    private readonly TFixture _store = new();

    // 07:00 UTC on 2 December: inside the period that began at 08:00 on 1 December.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero));

    private readonly AttentionOptions _options = new() { SummaryEmail = "road-safety@council.invalid", StuckAfter = TimeSpan.FromHours(1), RetryAfter = TimeSpan.FromMinutes(15), ServiceUrl = new Uri("https://speeding.council.invalid") };

    public ValueTask InitializeAsync() => _store.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_summary_lists_failed_and_stuck_deliveries_by_reference_and_body_without_the_residents_details()
    {
        var (failed, stuck, young, closed) = await SeedAsync();
        var sender = new RecordingSummarySender();

        var run = await Service(sender).RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new AttentionSummaryRun("2026-12-01T08:00Z", AttentionSummaryResult.Sent, new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)), run);
        var (id, to, message) = Assert.Single(sender.Sent);
        Assert.Equal("road-safety@council.invalid", to);
        Assert.Equal(("Speeding reports: 2 deliveries need attention", 2, "2026-12-01T08:00Z"), (message.Subject, message.Count, message.Period));
        var body = message.Body;
        Assert.StartsWith("2 deliveries of speeding reports to Demo Vale District Council need attention: 1 failed, 1 not delivered after 1 hour.", body, StringComparison.Ordinal);
        Assert.Contains($"Ashcombe Parish Council (2): {failed}, {stuck}", body, StringComparison.Ordinal);
        Assert.Contains($"* {failed}: report to the body (Ashcombe Parish Council)\n  Failed, 4 attempts, 3 hours old\n  Last reason: HTTP 400 ValidationError: [email address] is not valid\n  https://speeding.council.invalid/staff/reports/{failed}", body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"* {stuck}: confirmation to the resident (Ashcombe Parish Council)\n  Stuck: not sent yet, 2 attempts, 2 hours old\n  Last reason: HTTP 503", body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("at https://speeding.council.invalid/staff/attention.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(young, body, StringComparison.Ordinal);
        Assert.DoesNotContain(closed, body, StringComparison.Ordinal);
        foreach (var personal in new[] { "Pat Resident", "pat@example.com", "01632 960 123", "Cars at 50", "By the school" })
        {
            Assert.DoesNotContain(personal, body, StringComparison.Ordinal);
        }

        await using var db = await _store.Store.CreateAsync(TestContext.Current.CancellationToken);
        var record = await db.AttentionSummaries.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((id, AttentionSummaryOutcome.Sent, 2, "summary-" + id, (string?)null), (record.Id, record.Outcome, record.DeliveryCount, record.RemoteId, record.ClaimedBy));
    }

    [Fact]
    public async Task Nothing_is_sent_when_nothing_needs_attention_and_the_next_period_reports_what_went_wrong_since()
    {
        var (id, _) = await StoreSeeding.SubmitAsync(_store, _time);
        await StoreSeeding.DeliverAllAsync(_store, id);
        var sender = new RecordingSummarySender();

        Assert.Equal(AttentionSummaryResult.NothingToSend, (await Service(sender).RunOnceAsync(TestContext.Current.CancellationToken)).Result);
        Assert.Empty(sender.Sent);

        // A failure later in the same period waits for the next period's summary, as a morning summary does.
        await StoreSeeding.SetDeliveryAsync(_store, id, DeliveryKind.ToResponsibleBody, DeliveryStatus.Failed, 1, "HTTP 400");
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(AttentionSummaryResult.AlreadyHandled, (await Service(sender).RunOnceAsync(TestContext.Current.CancellationToken)).Result);
        Assert.Empty(sender.Sent);

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(AttentionSummaryResult.Sent, (await Service(sender).RunOnceAsync(TestContext.Current.CancellationToken)).Result);
        Assert.Equal("2026-12-02T08:00Z", Assert.Single(sender.Sent).Message.Period);
    }

    [Fact]
    public async Task The_schedule_follows_the_clock_one_summary_per_period()
    {
        await SeedAsync();
        var sender = new RecordingSummarySender();
        var service = Service(sender);

        Assert.Equal(AttentionSummaryResult.Sent, (await service.RunOnceAsync(TestContext.Current.CancellationToken)).Result);
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 7, 59, 59, TimeSpan.Zero));
        var waiting = await service.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal((AttentionSummaryResult.AlreadyHandled, new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)), (waiting.Result, waiting.NextRunAt));
        Assert.Single(sender.Sent);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(AttentionSummaryResult.Sent, (await service.RunOnceAsync(TestContext.Current.CancellationToken)).Result);
        _time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(AttentionSummaryResult.AlreadyHandled, (await service.RunOnceAsync(TestContext.Current.CancellationToken)).Result);
        Assert.Equal(["2026-12-01T08:00Z", "2026-12-02T08:00Z"], sender.Sent.Select(s => s.Message.Period));
    }

    [Fact]
    public async Task The_worker_sends_at_the_start_of_each_period_as_the_clock_moves()
    {
        await SeedAsync();
        var sender = new RecordingSummarySender();
        using var worker = new AttentionSummaryWorker(Service(sender), _time, Options.Create(_options), NullLogger<AttentionSummaryWorker>.Instance);

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await UntilAsync(() => sender.Sent.Count == 1);

        // Move the clock a minute at a time past 08:00; the worker wakes for the new period.
        for (var i = 0; i < 120 && sender.Sent.Count < 2; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await UntilAsync(() => sender.Sent.Count == 2);
        await worker.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["2026-12-01T08:00Z", "2026-12-02T08:00Z"], sender.Sent.Select(s => s.Message.Period));
    }

    [Fact]
    public async Task Two_instances_send_one_summary_for_a_period()
    {
        await SeedAsync();
        var sender = new RecordingSummarySender();

        for (var round = 0; round < 3; round++)
        {
            var runs = await Task.WhenAll(Service(sender).RunOnceAsync(TestContext.Current.CancellationToken), Service(sender).RunOnceAsync(TestContext.Current.CancellationToken));
            Assert.Contains(AttentionSummaryResult.AlreadyHandled, runs.Select(r => r.Result));
        }

        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task A_failed_send_is_retried_after_the_delay_by_any_instance_and_then_not_again()
    {
        await SeedAsync();
        var sender = new RecordingSummarySender(DeliveryOutcome.Transient("GOV.UK Notify server error (500)"));
        var (one, two) = (Service(sender), Service(sender));

        var failed = await one.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal((AttentionSummaryResult.SendFailed, _time.GetUtcNow() + TimeSpan.FromMinutes(15)), (failed.Result, failed.NextRunAt));
        Assert.Equal(AttentionSummaryResult.AlreadyHandled, (await two.RunOnceAsync(TestContext.Current.CancellationToken)).Result);

        _time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(AttentionSummaryResult.Sent, (await two.RunOnceAsync(TestContext.Current.CancellationToken)).Result);
        Assert.Equal(AttentionSummaryResult.AlreadyHandled, (await one.RunOnceAsync(TestContext.Current.CancellationToken)).Result);

        // Both tries carried the same id (Notify's reference), so a duplicate could be traced.
        Assert.Equal(2, sender.Sent.Count);
        Assert.Single(sender.Sent.Select(s => s.Id).Distinct());
        await using var db = await _store.Store.CreateAsync(TestContext.Current.CancellationToken);
        var record = await db.AttentionSummaries.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((AttentionSummaryOutcome.Sent, 2, "GOV.UK Notify server error (500)"), (record.Outcome, record.AttemptCount, record.LastError));
    }

    [Theory]
    [InlineData("2026-12-02T07:59:59Z", "08:00:00", "1.00:00:00", "2026-12-01T08:00Z")]
    [InlineData("2026-12-02T08:00:00Z", "08:00:00", "1.00:00:00", "2026-12-02T08:00Z")]
    [InlineData("2026-12-02T13:30:00Z", "02:00:00", "04:00:00", "2026-12-02T10:00Z")]
    public void Periods_start_at_the_configured_time_and_repeat(string at, string summaryAt, string every, string period)
    {
        var options = new AttentionOptions { SummaryAt = TimeSpan.Parse(summaryAt, System.Globalization.CultureInfo.InvariantCulture), SummaryEvery = TimeSpan.Parse(every, System.Globalization.CultureInfo.InvariantCulture) };

        var start = AttentionSummaryService.PeriodStart(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), options);

        Assert.Equal(period, AttentionSummaryService.PeriodKey(start));
    }

    /// <summary>
    /// At 07:00: a failed report delivery (3 h old), a confirmation pending for 2 h (stuck), a report 10 minutes old
    /// (not stuck yet), and a failed delivery of a closed report (staff dealt with it).
    /// </summary>
    private async Task<(string Failed, string Stuck, string Young, string Closed)> SeedAsync()
    {
        var start = _time.GetUtcNow();
        var clock = new FakeTimeProvider(start - TimeSpan.FromHours(3));
        var (failed, failedRef) = await StoreSeeding.SubmitAsync(_store, clock);
        await StoreSeeding.SetDeliveryAsync(_store, failed, DeliveryKind.ToResponsibleBody, DeliveryStatus.Failed, 4, "HTTP 400 ValidationError: pat@example.com is not valid");
        await StoreSeeding.SetDeliveryAsync(_store, failed, DeliveryKind.ConfirmationToResident, DeliveryStatus.Delivered, 1);
        var (closed, closedRef) = await StoreSeeding.SubmitAsync(_store, clock);
        await StoreSeeding.SetDeliveryAsync(_store, closed, DeliveryKind.ToResponsibleBody, DeliveryStatus.Failed, 1, "HTTP 400");
        await StoreSeeding.CloseAsync(_store, closed, start);

        clock.Advance(TimeSpan.FromHours(1));
        var (stuck, stuckRef) = await StoreSeeding.SubmitAsync(_store, clock);
        await StoreSeeding.SetDeliveryAsync(_store, stuck, DeliveryKind.ToResponsibleBody, DeliveryStatus.Delivered, 1);
        await StoreSeeding.SetDeliveryAsync(_store, stuck, DeliveryKind.ConfirmationToResident, DeliveryStatus.Pending, 2, "HTTP 503");

        clock.SetUtcNow(start - TimeSpan.FromMinutes(10));
        var (_, youngRef) = await StoreSeeding.SubmitAsync(_store, clock);
        return (failedRef, stuckRef, youngRef, closedRef);
    }

    private AttentionSummaryService Service(IAttentionSummarySender sender) => new(
        _store.Store,
        new AttentionQueries(_store.Store, _time, Options.Create(_options)),
        sender,
        _time,
        Options.Create(_options),
        Options.Create(new SpeedingReportOptions { CouncilName = "Demo Vale District Council" }),
        NullLogger<AttentionSummaryService>.Instance);

    private static async Task UntilAsync(Func<bool> condition)
    {
        // Generous for a loaded machine: the worker runs on the thread pool.
        for (var i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}

public sealed class SqliteAttentionSummaryTests : AttentionSummaryTests<SqliteStoreFixture>;

public sealed class PostgresAttentionSummaryTests : AttentionSummaryTests<PostgresStoreFixture>;
