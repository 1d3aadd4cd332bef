using System.Net;
using System.Text.Json;
using LocalGov.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeedingReport.Delivery;
using SpeedingReport.Operations;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>
/// The "database" check of <c>/health/ready</c>: the report store reachable and migrated (SQLite by default, PostgreSQL
/// when configured), with the delivery backlog as its data, Degraded when the oldest waiting delivery is too old.
/// </summary>
public sealed class StorageHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_shows_the_database_healthy_with_an_empty_backlog_on_the_default_sqlite_store()
    {
        await using var factory = new SpeedingReportFactory();
        using var http = factory.CreateClient();

        var (status, json) = await ReadyAsync(http);

        Assert.Equal(HttpStatusCode.OK, status);
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        var data = database.GetProperty("data");
        Assert.Equal("sqlite", data.GetProperty("provider").GetString());
        Assert.Equal(0, data.GetProperty("pendingMigrations").GetInt32());
        Assert.Equal(0, data.GetProperty("deliveriesPending").GetInt32());
        Assert.Equal(0, data.GetProperty("deliveriesFailed").GetInt32());
        Assert.False(data.TryGetProperty("oldestPendingDeliveryAgeSeconds", out _));
    }

    [Fact]
    public async Task A_delivery_waiting_longer_than_the_limit_degrades_ready_but_keeps_it_200_with_the_backlog_as_data()
    {
        await using var factory = new ConfiguredFactory(new Dictionary<string, string?> { ["SpeedingReport:Delivery:WorkerEnabled"] = "false" });
        using var http = factory.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await AddDeliveriesAsync(factory, (DeliveryStatus.Pending, now.AddHours(-2)), (DeliveryStatus.Pending, now.AddMinutes(-5)), (DeliveryStatus.Failed, now.AddDays(-1)), (DeliveryStatus.Delivered, now.AddDays(-2)));

        var (status, json) = await ReadyAsync(http);

        // Degraded is still 200 (the default mapping): the service takes reports, so it stays in the load balancer.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Degraded", database.GetProperty("status").GetString());
        Assert.Contains("MaxPendingDeliveryAge", database.GetProperty("description").GetString(), StringComparison.Ordinal);
        var data = database.GetProperty("data");
        Assert.Equal(2, data.GetProperty("deliveriesPending").GetInt32());
        Assert.Equal(1, data.GetProperty("deliveriesFailed").GetInt32());
        Assert.Equal(0, data.GetProperty("deliveriesAwaitingId").GetInt32());
        Assert.InRange(data.GetProperty("oldestPendingDeliveryAgeSeconds").GetInt64(), 7200, 7200 + 600);
    }

    [Fact]
    public async Task The_age_limit_is_configurable()
    {
        await using var factory = new ConfiguredFactory(new Dictionary<string, string?>
        {
            ["SpeedingReport:Delivery:WorkerEnabled"] = "false",
            ["SpeedingReport:Health:MaxPendingDeliveryAge"] = "03:00:00",
        });
        using var http = factory.CreateClient();
        await AddDeliveriesAsync(factory, (DeliveryStatus.Pending, DateTimeOffset.UtcNow.AddHours(-2)));

        var (_, json) = await ReadyAsync(http);

        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal(1, database.GetProperty("data").GetProperty("deliveriesPending").GetInt32());
    }

    [Fact]
    public async Task An_age_limit_of_zero_is_refused_at_start()
    {
        await using var factory = new ConfiguredFactory(new Dictionary<string, string?> { ["SpeedingReport:Health:MaxPendingDeliveryAge"] = "00:00:00" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("MaxPendingDeliveryAge must be more than zero", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_is_not_migrated_is_unhealthy_and_says_how_many_migrations_are_missing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "localgov-health-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // A database file that exists and answers but was never migrated (e.g. restored from the wrong backup).
            var file = Path.Combine(folder, "reports.db");
            await using (var connection = new SqliteConnection($"Data Source={file}"))
            {
                await connection.OpenAsync(Ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE unrelated (id INTEGER PRIMARY KEY)";
                await command.ExecuteNonQueryAsync(Ct);
            }

            var options = new DbContextOptionsBuilder<SqliteReportsDbContext>().UseSqlite($"Data Source={file}").Options;
            var store = new ReportsDbContextFactory<SqliteReportsDbContext>(new PooledDbContextFactory<SqliteReportsDbContext>(options), "sqlite");

            var result = await CheckAsync(store);

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("not migrated", result.Description, StringComparison.Ordinal);
            Assert.True((int)result.Data["pendingMigrations"] > 0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_unhealthy_and_its_password_is_never_shown()
    {
        const string password = "pw-5f1c2b7e9a";
        var options = new DbContextOptionsBuilder<PostgresReportsDbContext>()
            .UseNpgsql($"Host=127.0.0.1;Port={ClosedPort()};Username=reports;Password={password};Database=reports;Timeout=3")
            .Options;
        var store = new ReportsDbContextFactory<PostgresReportsDbContext>(new PooledDbContextFactory<PostgresReportsDbContext>(options), "postgres");

        var result = await CheckAsync(store);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("postgres", result.Data["provider"]);
        var shown = result.Description + string.Join(' ', result.Data.Values);
        Assert.DoesNotContain(password, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", shown, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task On_postgresql_ready_shows_the_database_healthy_and_migrated()
    {
        var (database, skip) = await RealServices.TryCreatePostgresDatabaseAsync("health", Ct);
        if (database is null)
        {
            Assert.Skip(skip!);
        }

        await using (database)
        {
            await using var factory = new ConfiguredFactory(new Dictionary<string, string?> { ["ConnectionStrings:Reports"] = database.ConnectionString });
            using var http = factory.CreateClient();

            var (status, json) = await ReadyAsync(http);

            Assert.Equal(HttpStatusCode.OK, status);
            var check = json.RootElement.GetProperty("checks").GetProperty("database");
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            Assert.Equal("postgres", check.GetProperty("data").GetProperty("provider").GetString());
            Assert.Equal(0, check.GetProperty("data").GetProperty("pendingMigrations").GetInt32());
            Assert.DoesNotContain(database.Name, json.RootElement.GetRawText(), StringComparison.Ordinal);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonDocument Json)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text));
    }

    private static Task<HealthCheckResult> CheckAsync(IReportsDbContextFactory store)
    {
        var check = new ReportDatabaseHealthCheck(store, Options.Create(new ReportDatabaseHealthOptions()), TimeProvider.System, NullLogger<ReportDatabaseHealthCheck>.Instance);
        var registration = new HealthCheckRegistration("database", check, HealthStatus.Unhealthy, null);
        return check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, Ct);
    }

    private static async Task AddDeliveriesAsync(SpeedingReportFactory factory, params (DeliveryStatus Status, DateTimeOffset CreatedAt)[] deliveries)
    {
        await using var db = await factory.StoreAsync();
        foreach (var (status, created) in deliveries)
        {
            var id = Guid.NewGuid();
            db.Reports.Add(new ReportRecord
            {
                Id = id,
                SubmissionId = Guid.NewGuid(),
                Reference = "SR-" + id.ToString("N")[..8].ToUpperInvariant(),
                ReceivedAt = created,
                DealtWithBy = "parish",
                RecipientName = "Ashcombe Parish Council",
                DistrictCode = "DEMO-D01",
                Road = "High Street",
                ReporterEmail = "pat@example.com",
                SubmissionJson = "{}",
                Deliveries =
                [
                    new DeliveryRecord
                    {
                        Id = Guid.NewGuid(),
                        Kind = DeliveryKind.ToResponsibleBody,
                        Channel = "email",
                        RecipientAddress = "clerk@parish.invalid",
                        Status = status,
                        CreatedAt = created,
                        NextAttemptAt = created.AddDays(7),
                        CompletedAt = status is DeliveryStatus.Delivered or DeliveryStatus.Failed ? created.AddMinutes(1) : null,
                    },
                ],
            });
        }

        await db.SaveChangesAsync(Ct);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
