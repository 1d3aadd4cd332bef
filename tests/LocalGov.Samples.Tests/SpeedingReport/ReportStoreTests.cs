using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SpeedingReport.Delivery;
using SpeedingReport.Reports;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The submitter on a real store: one transaction, idempotent by submission id, unique references.</summary>
public abstract class ReportStoreTests<TFixture>(TFixture fixture)
    where TFixture : StoreFixture
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_submit_stores_the_report_and_one_pending_delivery_per_recipient()
    {
        var submission = StoreFixture.Submission();

        var receipt = await fixture.Submitter(_time).SubmitAsync(submission, TestContext.Current.CancellationToken);

        Assert.True(ReportReferenceGenerator.IsWellFormed(receipt.Reference), receipt.Reference);
        Assert.False(receipt.AlreadySubmitted);
        await using var db = await fixture.Store.CreateAsync(TestContext.Current.CancellationToken);
        var report = await db.Reports.Include(r => r.Deliveries).SingleAsync(r => r.SubmissionId == submission.SubmissionId, TestContext.Current.CancellationToken);
        Assert.Equal(receipt.Reference, report.Reference);
        Assert.Equal(_time.GetUtcNow(), report.ReceivedAt);
        Assert.Equal(2, report.Deliveries.Count);
        Assert.All(report.Deliveries, d => Assert.Equal((DeliveryStatus.Pending, "email"), (d.Status, d.Channel)));
        Assert.Contains(report.Deliveries, d => d.Kind == DeliveryKind.ToResponsibleBody && d.RecipientAddress == "clerk@parish.invalid");
        Assert.Contains(report.Deliveries, d => d.Kind == DeliveryKind.ConfirmationToResident && d.RecipientAddress == "pat@example.com");
    }

    [Fact]
    public async Task A_second_submit_of_the_same_journey_returns_the_same_reference_and_stores_nothing()
    {
        var submission = StoreFixture.Submission();
        var submitter = fixture.Submitter(_time);

        var first = await submitter.SubmitAsync(submission, TestContext.Current.CancellationToken);
        var second = await submitter.SubmitAsync(submission with { Road = "Changed Road" }, TestContext.Current.CancellationToken);

        Assert.Equal(first.Reference, second.Reference);
        Assert.True(second.AlreadySubmitted);
        await using var db = await fixture.Store.CreateAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.Reports.CountAsync(r => r.SubmissionId == submission.SubmissionId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_submits_of_the_same_journey_store_one_report()
    {
        var submission = StoreFixture.Submission();
        var submitter = fixture.Submitter(_time);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => submitter.SubmitAsync(submission, TestContext.Current.CancellationToken))));

        Assert.Single(receipts.Select(r => r.Reference).Distinct());
        await using var db = await fixture.Store.CreateAsync(TestContext.Current.CancellationToken);
        var report = await db.Reports.Include(r => r.Deliveries).SingleAsync(r => r.SubmissionId == submission.SubmissionId, TestContext.Current.CancellationToken);
        Assert.Equal(2, report.Deliveries.Count);
    }

    [Fact]
    public async Task Many_residents_at_once_with_double_clicks_among_them_store_each_report_once()
    {
        // On SQLite the waiting reports are written together; a double click in a batch makes it fall back to one at a time.
        var submissions = Enumerable.Range(0, 20).Select(_ => StoreFixture.Submission()).ToList();
        var submitter = fixture.Submitter(_time);

        var receipts = await Task.WhenAll(submissions.Concat(submissions).Select(s => Task.Run(() => submitter.SubmitAsync(s, TestContext.Current.CancellationToken))));

        Assert.Equal(20, receipts.Select(r => r.Reference).Distinct().Count());
        Assert.All(submissions, (s, i) => Assert.Equal(receipts[i].Reference, receipts[i + 20].Reference));
        await using var db = await fixture.Store.CreateAsync(TestContext.Current.CancellationToken);
        var ids = submissions.Select(s => s.SubmissionId).ToList();
        var stored = await db.Reports.Include(r => r.Deliveries).Where(r => ids.Contains(r.SubmissionId)).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(20, stored.Count);
        Assert.All(stored, r => Assert.Equal(2, r.Deliveries.Count));
    }

    [Fact]
    public async Task A_reference_already_taken_is_drawn_again()
    {
        var taken = await fixture.Submitter(_time).SubmitAsync(StoreFixture.Submission(), TestContext.Current.CancellationToken);
        var scripted = new ScriptedReferences(taken.Reference, taken.Reference, "SR-2345-6789");

        var receipt = await fixture.Submitter(_time, scripted).SubmitAsync(StoreFixture.Submission(), TestContext.Current.CancellationToken);

        Assert.Equal("SR-2345-6789", receipt.Reference);
        Assert.Equal(3, scripted.Drawn);
    }

    [Fact]
    public async Task Only_taken_references_give_up_after_the_last_draw_with_a_storage_error()
    {
        var taken = await fixture.Submitter(_time).SubmitAsync(StoreFixture.Submission(), TestContext.Current.CancellationToken);
        var submission = StoreFixture.Submission();

        var ex = await Assert.ThrowsAsync<ReportStorageException>(() => fixture.Submitter(_time, new ScriptedReferences([.. Enumerable.Repeat(taken.Reference, 10)])).SubmitAsync(submission, TestContext.Current.CancellationToken));

        Assert.Contains("No unused reference", ex.Message, StringComparison.Ordinal);
        await using var db = await fixture.Store.CreateAsync(TestContext.Current.CancellationToken);
        Assert.False(await db.Reports.AnyAsync(r => r.SubmissionId == submission.SubmissionId, TestContext.Current.CancellationToken));
    }

    private sealed class ScriptedReferences(params string[] references) : IReportReferenceGenerator
    {
        public int Drawn { get; private set; }

        public string NewReference() => references[Drawn++];
    }
}

public sealed class SqliteReportStoreTests(SqliteStoreFixture fixture) : ReportStoreTests<SqliteStoreFixture>(fixture), IClassFixture<SqliteStoreFixture>;

public sealed class PostgresReportStoreTests(PostgresStoreFixture fixture) : ReportStoreTests<PostgresStoreFixture>(fixture), IClassFixture<PostgresStoreFixture>;
