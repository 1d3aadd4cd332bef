using Microsoft.EntityFrameworkCore;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>Waits for the app's own delivery worker to finish a report's deliveries (it is woken by the submit), then reads them.</summary>
internal static class DeliveredReports
{
    public static async Task<ReportRecord> WaitAsync(SpeedingReportFactory factory, string reference, TimeSpan? timeout = null)
    {
        var ct = TestContext.Current.CancellationToken;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var db = await factory.StoreAsync())
            {
                var report = await db.Reports.AsNoTracking().Include(r => r.Deliveries).ThenInclude(d => d.Attempts).SingleAsync(r => r.Reference == reference, ct);
                if (report.Deliveries.Count > 0 && report.Deliveries.All(d => d.Status is DeliveryStatus.Delivered or DeliveryStatus.Failed))
                {
                    return report;
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Assert.Fail($"The deliveries of {reference} were not made in time");
            }
        }
    }
}
