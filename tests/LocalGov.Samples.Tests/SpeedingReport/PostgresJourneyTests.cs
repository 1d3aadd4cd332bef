using System.Net;
using LocalGov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpeedingReport.Delivery;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The app on PostgreSQL (<c>ConnectionStrings:Reports</c> set to a database made for this class): a database made and migrated at start.</summary>
public class PostgresSpeedingReportFactory : SpeedingReportFactory, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings;
    private PostgresTestDatabase? _database;

    public PostgresSpeedingReportFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    protected PostgresSpeedingReportFactory(Dictionary<string, string?> settings)
        : base(settings) => _settings = settings;

    public string? SkipReason { get; private set; }

    /// <summary>The start of the test database's name.</summary>
    protected virtual string DatabasePrefix => "journey";

    /// <summary>Skips the running test, with the reason, when PostgreSQL is absent.</summary>
    public void RequirePostgres()
    {
        if (_database is null)
        {
            throw RealServices.SkipNow(SkipReason ?? "no PostgreSQL");
        }
    }

    public async ValueTask InitializeAsync()
    {
        (_database, SkipReason) = await RealServices.TryCreatePostgresDatabaseAsync(DatabasePrefix, TestContext.Current.CancellationToken);
        if (_database is not null)
        {
            // The host is built on first use, after this, so the setting reaches the app's registration.
            _settings["ConnectionStrings:Reports"] = _database.ConnectionString;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The whole journey on PostgreSQL through the app: stored, delivered to the demo outbox, confirmed; skipped with the reason without PostgreSQL.</summary>
public sealed class PostgresJourneyTests(PostgresSpeedingReportFactory factory) : IClassFixture<PostgresSpeedingReportFactory>
{
    [Fact]
    public async Task Parish_report_is_stored_in_postgres_delivered_and_in_the_outbox()
    {
        factory.RequirePostgres();
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        await journey.FinishAsync(place: null, phone: null);

        var confirmation = await journey.SendAsync();
        var reference = JourneyClient.ReferenceOn(confirmation);
        Assert.Contains("govuk-panel", confirmation.Html, StringComparison.Ordinal);

        var report = await DeliveredReports.WaitAsync(factory, reference);
        Assert.Equal("postgres", factory.Services.GetRequiredService<IReportsDbContextFactory>().Provider);
        Assert.Equal("parish", report.DealtWithBy);
        Assert.Equal("High Street", report.Road);
        Assert.Equal(2, report.Deliveries.Count);
        Assert.All(report.Deliveries, d =>
        {
            Assert.Equal(DeliveryStatus.Delivered, d.Status);
            Assert.Equal(1, d.AttemptCount);
            Assert.Single(d.Attempts);
            Assert.NotNull(d.RemoteId);
            Assert.Null(d.LastError);
        });
        Assert.Contains(report.Deliveries, d => d.Kind == DeliveryKind.ToResponsibleBody && d.RecipientAddress == "clerk@ashcombe-pc.demo.invalid");
        Assert.Contains(report.Deliveries, d => d.Kind == DeliveryKind.ConfirmationToResident && d.RecipientAddress == "pat@example.com");

        var outbox = await journey.GetAsync("/demo/outbox");
        Assert.Equal(HttpStatusCode.OK, outbox.Status);
        Assert.Contains($"Speeding report {reference}: High Street, Ashcombe", outbox.Text, StringComparison.Ordinal);
        Assert.Contains($"Your speeding report {reference}", outbox.Text, StringComparison.Ordinal);
        await using var db = await factory.StoreAsync();
        var messages = await db.DemoOutbox.AsNoTracking().Where(m => m.Reference == reference).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["clerk@ashcombe-pc.demo.invalid", "pat@example.com"], messages.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.Contains(reference, m.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task District_report_by_coordinates_is_stored_in_postgres_and_a_second_send_stores_nothing_new()
    {
        factory.RequirePostgres();
        using var journey = factory.CreateJourney();
        Assert.Equal("/road", await journey.SubmitExpectingRedirectAsync("/where/coordinates", ("latitude", "51.92"), ("longitude", "-1.0")));
        var kept = JourneyClient.TokenOn(await journey.FinishAsync(road: "Long Road"));

        Assert.Equal("/confirmation", (await journey.PostAsync("/check", kept)).Location);
        Assert.Equal("/confirmation", (await journey.PostAsync("/check", kept)).Location);
        var reference = JourneyClient.ReferenceOn(await journey.GetAsync("/confirmation"));

        var report = await DeliveredReports.WaitAsync(factory, reference);
        Assert.Equal("district", report.DealtWithBy);
        Assert.Null(report.ParishCode);
        Assert.Contains(report.Deliveries, d => d.Kind == DeliveryKind.ToResponsibleBody && d.RecipientAddress == "roadsafety@demovale.demo.invalid");
        Assert.All(report.Deliveries, d => Assert.Equal(DeliveryStatus.Delivered, d.Status));
        await using var db = await factory.StoreAsync();
        Assert.Equal(1, await db.Reports.CountAsync(r => r.Road == "Long Road", TestContext.Current.CancellationToken));
    }
}
