using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SpeedingReport.Delivery;
using SpeedingReport.Reports;
using SpeedingReport.Retention;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport.Staff;

/// <summary>The retention job on a real store (a fresh one per test), the clock moved with FakeTimeProvider.</summary>
public abstract class RetentionTests<TFixture> : IAsyncLifetime
    where TFixture : StoreFixture, new()
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private readonly TFixture _store = new();
    private readonly FakeTimeProvider _time = new(Start);

    public ValueTask InitializeAsync() => _store.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Before_the_period_nothing_changes_after_it_personal_data_is_gone_and_statistics_are_kept()
    {
        var (id, reference) = await StoreSeeding.SubmitAsync(_store, _time);
        await StoreSeeding.DeliverAllAsync(_store, id);
        await StoreSeeding.CloseAsync(_store, id, _time.GetUtcNow());
        var before = await StoreSeeding.ReportAsync(_store, id);

        // 13 calendar months after closing: 15 February 2027 10:00. A minute before, nothing happens.
        _time.SetUtcNow(new DateTimeOffset(2027, 2, 15, 9, 59, 0, TimeSpan.Zero));
        Assert.Equal(new RetentionRunResult(0, 0, 0), await Service().RunOnceAsync(TestContext.Current.CancellationToken));
        var kept = await StoreSeeding.ReportAsync(_store, id);
        Assert.Equal((before.SubmissionJson, "pat@example.com", (DateTimeOffset?)null), (kept.SubmissionJson, kept.ReporterEmail, kept.AnonymisedAt));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new RetentionRunResult(1, 0, 0), await Service().RunOnceAsync(TestContext.Current.CancellationToken));

        var after = await StoreSeeding.ReportAsync(_store, id);
        Assert.Equal(_time.GetUtcNow(), after.AnonymisedAt);
        Assert.Equal("", after.ReporterEmail);
        foreach (var personal in new[] { "Pat Resident", "pat@example.com", "01632 960 123", "Cars at 50 mph", "By the school" })
        {
            Assert.DoesNotContain(personal, after.SubmissionJson, StringComparison.Ordinal);
        }

        Assert.Equal("", after.Deliveries.Single(d => d.Kind == DeliveryKind.ConfirmationToResident).RecipientAddress);

        // What statistics need is all still there, and the stored report still reads.
        var was = JsonSerializer.Deserialize(before.SubmissionJson, ReportSubmissionJson.Default.ReportSubmission)!;
        var now = JsonSerializer.Deserialize(after.SubmissionJson, ReportSubmissionJson.Default.ReportSubmission)!;
        Assert.Equal((was.Location, was.Road, was.DealtWithBy, was.RuleIndex, was.RuleExplanation, was.Recipient.Name), (now.Location, now.Road, now.DealtWithBy, now.RuleIndex, now.RuleExplanation, now.Recipient.Name));
        Assert.Equal(was.RoutingAnswers, now.RoutingAnswers);
        Assert.Equal(was.Days, now.Days);
        Assert.Equal(was.Times, now.Times);
        Assert.Equal(("", "", null, "", null), (now.ReporterName, now.ReporterEmail, now.ReporterPhone, now.WhatSeen, now.PlaceDescription));
        Assert.Equal(
            (before.Reference, before.ReceivedAt, before.DealtWithBy, before.ParishCode, before.DistrictCode, before.Road, before.RecipientName, before.ClosedAt),
            (after.Reference, after.ReceivedAt, after.DealtWithBy, after.ParishCode, after.DistrictCode, after.Road, after.RecipientName, after.ClosedAt));
        Assert.Equal("clerk@parish.invalid", after.Deliveries.Single(d => d.Kind == DeliveryKind.ToResponsibleBody).RecipientAddress);
        Assert.Equal(reference, after.Reference);
    }

    [Fact]
    public async Task Open_reports_are_untouched_and_a_report_with_a_delivery_pending_waits_for_it()
    {
        var (open, _) = await StoreSeeding.SubmitAsync(_store, _time);
        await StoreSeeding.DeliverAllAsync(_store, open);
        var (waiting, _) = await StoreSeeding.SubmitAsync(_store, _time);
        await StoreSeeding.SetDeliveryAsync(_store, waiting, DeliveryKind.ToResponsibleBody, DeliveryStatus.Delivered, 1);
        await StoreSeeding.SetDeliveryAsync(_store, waiting, DeliveryKind.ConfirmationToResident, DeliveryStatus.Pending, 3, "HTTP 500");
        await StoreSeeding.CloseAsync(_store, waiting, _time.GetUtcNow());

        _time.Advance(TimeSpan.FromDays(800));
        Assert.Equal(new RetentionRunResult(0, 1, 0), await Service().RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal("pat@example.com", (await StoreSeeding.ReportAsync(_store, open)).ReporterEmail);
        Assert.Null((await StoreSeeding.ReportAsync(_store, waiting)).AnonymisedAt);

        // The confirmation needs the resident's address until it is made (or given up).
        await StoreSeeding.SetDeliveryAsync(_store, waiting, DeliveryKind.ConfirmationToResident, DeliveryStatus.Failed, 10, "Gave up");
        Assert.Equal(new RetentionRunResult(1, 0, 0), await Service().RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.NotNull((await StoreSeeding.ReportAsync(_store, waiting)).AnonymisedAt);
        Assert.Null((await StoreSeeding.ReportAsync(_store, open)).AnonymisedAt);
    }

    [Fact]
    public async Task A_second_run_changes_nothing_and_two_instances_at_once_anonymise_each_report_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var (id, _) = await StoreSeeding.SubmitAsync(_store, _time, place: null, phone: null);
            await StoreSeeding.DeliverAllAsync(_store, id);
            await StoreSeeding.CloseAsync(_store, id, _time.GetUtcNow() - TimeSpan.FromMinutes(i));
            ids.Add(id);
        }

        _time.Advance(TimeSpan.FromDays(400));

        // Batches of 2 on both, so they overlap on the same rows.
        var runs = await Task.WhenAll(Service().RunOnceAsync(TestContext.Current.CancellationToken), Service().RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(7, runs.Sum(r => r.Anonymised));
        var first = new List<ReportRecord>();
        foreach (var id in ids)
        {
            first.Add(await StoreSeeding.ReportAsync(_store, id));
        }

        Assert.All(first, r => Assert.Equal(_time.GetUtcNow(), r.AnonymisedAt));

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new RetentionRunResult(0, 0, 0), await Service().RunOnceAsync(TestContext.Current.CancellationToken));
        foreach (var report in first)
        {
            var again = await StoreSeeding.ReportAsync(_store, report.Id);
            Assert.Equal((report.AnonymisedAt, report.SubmissionJson), (again.AnonymisedAt, again.SubmissionJson));
        }
    }

    [Fact]
    public async Task A_period_in_days_is_honoured_and_the_read_model_says_when()
    {
        var (id, reference) = await StoreSeeding.SubmitAsync(_store, _time);
        await StoreSeeding.DeliverAllAsync(_store, id);
        var queries = new RetentionQueries(Options.Create(new RetentionOptions { Period = "30 days" }));
        Assert.Equal(new ReportRetentionView(reference, null, null, null, "30 days"), await ViewAsync(queries, id, reference));

        var closed = _time.GetUtcNow();
        await StoreSeeding.CloseAsync(_store, id, closed);
        _time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await Service("30 days").RunOnceAsync(TestContext.Current.CancellationToken)).Anonymised);
        Assert.Equal(new ReportRetentionView(reference, closed, null, closed.AddDays(30), "30 days"), await ViewAsync(queries, id, reference));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await Service("30 days").RunOnceAsync(TestContext.Current.CancellationToken)).Anonymised);
        var view = await ViewAsync(queries, id, reference);
        Assert.True(view.Anonymised);
        Assert.Equal(_time.GetUtcNow(), view.AnonymisedAt);
    }

    private RetentionService Service(string period = "13 months") =>
        new(_store.Store, _time, Options.Create(new RetentionOptions { Period = period, BatchSize = 2 }), NullLogger<RetentionService>.Instance);

    private async Task<ReportRetentionView> ViewAsync(RetentionQueries queries, Guid id, string reference)
    {
        var row = await StoreSeeding.ReportAsync(_store, id);
        return queries.View(reference, row.ClosedAt, row.AnonymisedAt);
    }
}

public sealed class SqliteRetentionTests : RetentionTests<SqliteStoreFixture>;

public sealed class PostgresRetentionTests : RetentionTests<PostgresStoreFixture>;
