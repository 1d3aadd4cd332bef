using System.Net;
using Microsoft.Data.Sqlite;
using SpeedingReport.Delivery;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The demo outbox is in the report store, so it survives a restart: two app instances, one after the other, on one data folder.</summary>
public sealed class DemoOutboxRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localgov-speeding-tests", "restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Messages_and_reports_sent_before_a_restart_are_shown_after_it()
    {
        string reference;
        await using (var before = new SharedFolderFactory(_folder))
        {
            using var journey = before.CreateJourney();
            await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
            await journey.FinishAsync();
            reference = JourneyClient.ReferenceOn(await journey.SendAsync());
            var report = await DeliveredReports.WaitAsync(before, reference);
            Assert.All(report.Deliveries, d => Assert.Equal(DeliveryStatus.Delivered, d.Status));
            Assert.Contains(reference, (await journey.GetAsync("/demo/outbox")).Text, StringComparison.Ordinal);
        }

        await using var after = new SharedFolderFactory(_folder);
        using var again = after.CreateJourney();
        var outbox = await again.GetAsync("/demo/outbox");

        Assert.Equal(HttpStatusCode.OK, outbox.Status);
        Assert.Equal(1, CountOf(outbox.Text, $"Speeding report {reference}:"));
        Assert.Equal(1, CountOf(outbox.Text, $"Your speeding report {reference}"));
        Assert.Contains("clerk@ashcombe-pc.demo.invalid", outbox.Text, StringComparison.Ordinal);
        Assert.Contains("pat@example.com", outbox.Text, StringComparison.Ordinal);

        // The restarted worker does not send them again: one outbox message per delivery.
        await using var db = await after.StoreAsync();
        Assert.Equal(2, db.DemoOutbox.Count(m => m.Reference == reference));
        Assert.Equal(2, db.Deliveries.Count(d => d.Status == DeliveryStatus.Delivered));
        Assert.Contains(db.Deliveries, d => d.Kind == DeliveryKind.ConfirmationToResident && d.RecipientAddress == "pat@example.com");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private sealed class SharedFolderFactory(string folder) : SpeedingReportFactory(new Dictionary<string, string?> { ["SpeedingReport:DataDirectory"] = folder });
}
