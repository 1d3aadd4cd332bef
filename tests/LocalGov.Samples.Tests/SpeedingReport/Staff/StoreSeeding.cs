using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SpeedingReport.Delivery;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport.Staff;

/// <summary>Reports stored through the real submitter, then put in the state a test needs (as the worker or staff would leave them).</summary>
internal static class StoreSeeding
{
    public static async Task<(Guid Id, string Reference)> SubmitAsync(StoreFixture store, FakeTimeProvider time, string? place = "By the school", string? phone = "01632 960 123")
    {
        var submission = StoreFixture.Submission() with { PlaceDescription = place, ReporterPhone = phone };
        var receipt = await store.Submitter(time).SubmitAsync(submission, TestContext.Current.CancellationToken);
        await using var db = await store.Store.CreateAsync(TestContext.Current.CancellationToken);
        var id = await db.Reports.Where(r => r.Reference == receipt.Reference).Select(r => r.Id).SingleAsync(TestContext.Current.CancellationToken);
        return (id, receipt.Reference);
    }

    public static async Task SetDeliveryAsync(StoreFixture store, Guid reportId, DeliveryKind kind, DeliveryStatus status, int attempts = 0, string? lastError = null)
    {
        await using var db = await store.Store.CreateAsync(TestContext.Current.CancellationToken);
        await db.Deliveries.Where(d => d.ReportId == reportId && d.Kind == kind)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status).SetProperty(d => d.AttemptCount, attempts).SetProperty(d => d.LastError, lastError), TestContext.Current.CancellationToken);
    }

    public static async Task DeliverAllAsync(StoreFixture store, Guid reportId)
    {
        await SetDeliveryAsync(store, reportId, DeliveryKind.ToResponsibleBody, DeliveryStatus.Delivered, 1);
        await SetDeliveryAsync(store, reportId, DeliveryKind.ConfirmationToResident, DeliveryStatus.Delivered, 1);
    }

    /// <summary>As the staff "close" action will: only the time is set.</summary>
    public static async Task CloseAsync(StoreFixture store, Guid reportId, DateTimeOffset at)
    {
        await using var db = await store.Store.CreateAsync(TestContext.Current.CancellationToken);
        await db.Reports.Where(r => r.Id == reportId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, at), TestContext.Current.CancellationToken);
    }

    public static async Task<ReportRecord> ReportAsync(StoreFixture store, Guid reportId)
    {
        await using var db = await store.Store.CreateAsync(TestContext.Current.CancellationToken);
        return await db.Reports.AsNoTracking().Include(r => r.Deliveries).SingleAsync(r => r.Id == reportId, TestContext.Current.CancellationToken);
    }
}
