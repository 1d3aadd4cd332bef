using LocalGov.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using SpeedingReport.Contacts;
using SpeedingReport.Delivery;
using SpeedingReport.Location;
using SpeedingReport.Reports;
using SpeedingReport.Routing;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>A migrated report store for one test class: SQLite in a temp folder, or a new PostgreSQL database.</summary>
public abstract class StoreFixture : IAsyncLifetime
{
    public IReportsDbContextFactory? Factory { get; protected set; }

    public string? SkipReason { get; protected set; }

    /// <summary>The store, or the test is skipped with the reason.</summary>
    public IReportsDbContextFactory Store => Factory ?? throw RealServices.SkipNow(SkipReason ?? "no store");

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    protected async Task MigrateAsync()
    {
        await using var db = await Factory!.CreateAsync(TestContext.Current.CancellationToken);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public static ReportSubmission Submission(Guid? id = null, string? recipientEmail = "clerk@parish.invalid") => new()
    {
        SubmissionId = id ?? Guid.NewGuid(),
        Location = new ResolvedLocation { Description = "DM1 1AA", Latitude = 51.975, Longitude = -1.05, ParishCode = "DEMO-P01", ParishName = "Ashcombe", DistrictCode = "DEMO-D01", DistrictName = "Demo Vale" },
        RoutingAnswers = new Dictionary<string, string>(StringComparer.Ordinal) { ["speed-limit"] = "30-or-less" },
        DealtWithBy = ResponsibleBody.Parish,
        RuleIndex = 1,
        RuleExplanation = "Parishes run Community Speedwatch.",
        Recipient = new ContactDetails { Name = "Ashcombe Parish Council", Email = recipientEmail, Source = ContactSource.Directory },
        Road = "High Street",
        Days = ["monday"],
        Times = ["morning"],
        WhatSeen = "Cars at 50 mph.",
        ReporterName = "Pat Resident",
        ReporterEmail = "pat@example.com",
    };

    public EfReportSubmitter Submitter(TimeProvider time, IReportReferenceGenerator? references = null) =>
        new(Store, references ?? new ReportReferenceGenerator(), time, new DeliverySignal(), NullLogger<EfReportSubmitter>.Instance);
}

public sealed class SqliteStoreFixture : StoreFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localgov-store-tests", Guid.NewGuid().ToString("N"));

    public override async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var options = new DbContextOptionsBuilder<SqliteReportsDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "reports.db")};Default Timeout=30").Options;
        Factory = new ReportsDbContextFactory<SqliteReportsDbContext>(new PooledDbContextFactory<SqliteReportsDbContext>(options), "sqlite");
        await MigrateAsync();
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresStoreFixture : StoreFixture
{
    private PostgresTestDatabase? _database;

    public override async ValueTask InitializeAsync()
    {
        (_database, SkipReason) = await RealServices.TryCreatePostgresDatabaseAsync("store", TestContext.Current.CancellationToken);
        if (_database is null)
        {
            return;
        }

        var options = new DbContextOptionsBuilder<PostgresReportsDbContext>().UseNpgsql(_database.ConnectionString).Options;
        Factory = new ReportsDbContextFactory<PostgresReportsDbContext>(new PooledDbContextFactory<PostgresReportsDbContext>(options), "postgres");
        await MigrateAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
