using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpeedingReport.Delivery;
using SpeedingReport.Reports;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport.Staff;

/// <summary>
/// The demo app with staff signed in by <see cref="TestStaffAuthentication"/>, its clock a FakeTimeProvider at 09:00 UTC
/// on 2 December 2026, deliveries "stuck" after 30 minutes, a summary address, and no delivery worker (the tests set states).
/// </summary>
public sealed class AttentionFactory() : SpeedingReportFactory(new Dictionary<string, string?>
{
    ["SpeedingReport:Delivery:WorkerEnabled"] = "false",
    ["SpeedingReport:Staff:Attention:StuckAfter"] = "00:30:00",
    ["SpeedingReport:Staff:Attention:SummaryEmail"] = "road-safety@council.invalid",
    ["SpeedingReport:Staff:Attention:ServiceUrl"] = "https://speeding.council.invalid/",
})
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A report with its delivery to the body in <paramref name="status"/>, made <paramref name="age"/> ago (and its confirmation delivered).</summary>
    public async Task SeedAsync(string reference, TimeSpan age, DeliveryStatus status, int attempts = 1, string? lastError = null, bool closed = false)
    {
        var created = Clock.GetUtcNow() - age;
        var submission = StoreFixture.Submission();
        var report = new ReportRecord
        {
            Id = Guid.NewGuid(),
            SubmissionId = submission.SubmissionId,
            Reference = reference,
            ReceivedAt = created,
            DealtWithBy = "parish",
            RecipientName = submission.Recipient.Name,
            ParishCode = submission.Location.ParishCode,
            DistrictCode = submission.Location.DistrictCode,
            Road = submission.Road,
            ReporterEmail = submission.ReporterEmail,
            SubmissionJson = JsonSerializer.Serialize(submission, ReportSubmissionJson.Default.ReportSubmission),
            ClosedAt = closed ? Clock.GetUtcNow() : null,
        };
        report.Deliveries.Add(Delivery(report, DeliveryKind.ToResponsibleBody, "clerk@parish.invalid", status, attempts, lastError, created));
        report.Deliveries.Add(Delivery(report, DeliveryKind.ConfirmationToResident, submission.ReporterEmail, DeliveryStatus.Delivered, 1, null, created));
        await using var db = await StoreAsync();
        db.Reports.Add(report);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            TestStaffAuthentication.AddTo(services);
        });
    }

    private static DeliveryRecord Delivery(ReportRecord report, DeliveryKind kind, string address, DeliveryStatus status, int attempts, string? lastError, DateTimeOffset created) => new()
    {
        Id = Guid.NewGuid(),
        ReportId = report.Id,
        Kind = kind,
        Channel = "email",
        RecipientAddress = address,
        Status = status,
        AttemptCount = attempts,
        LastError = lastError,
        CreatedAt = created,
        NextAttemptAt = created,
        CompletedAt = status is DeliveryStatus.Delivered or DeliveryStatus.Failed ? created : null,
    };
}
