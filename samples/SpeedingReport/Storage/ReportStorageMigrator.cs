using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SpeedingReport.Storage;

/// <summary>Creates and migrates the store before anything else starts (the web server and the delivery worker included).</summary>
internal sealed partial class ReportStorageMigrator(IReportsDbContextFactory factory, ILogger<ReportStorageMigrator> logger) : IHostedLifecycleService
{
    // Any fixed number, the same in every instance: the advisory lock the instances take turns on while migrating.
    private const long MigrationLockKey = 0x5370_6565_6452_6570; // "SpeedRep"

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        if (factory.Provider == ReportStorageServiceCollectionExtensions.SqliteProvider)
        {
            // WAL lets the delivery worker read while residents submit; it is a property of the file, so set once.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (factory.Provider == ReportStorageServiceCollectionExtensions.PostgresProvider)
        {
            await MigrateOneAtATimeAsync(db, cancellationToken);
        }
        else
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        LogMigrated(logger, factory.Provider, db.Database.GetDbConnection() is SqliteConnection sqlite ? sqlite.DataSource : db.Database.GetDbConnection().Database);
    }

    /// <summary>
    /// Every instance migrates as it starts, and servers start together: two migrating one database at once both see a
    /// migration pending and the second fails creating a table the first has just made. A PostgreSQL advisory lock,
    /// held on this context's connection, makes them take turns; the later one finds nothing left to apply.
    /// </summary>
    private static async Task MigrateOneAtATimeAsync(ReportsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Report store ({Provider}) migrated: {Database}")]
    private static partial void LogMigrated(ILogger logger, string provider, string database);
}
