using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SpeedingReport.Storage;

/// <summary>Creates and migrates the store before anything else starts (the web server and the delivery worker included).</summary>
internal sealed partial class ReportStorageMigrator(IReportsDbContextFactory factory, ILogger<ReportStorageMigrator> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        if (factory.Provider == ReportStorageServiceCollectionExtensions.SqliteProvider)
        {
            // WAL lets the delivery worker read while residents submit; it is a property of the file, so set once.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger, factory.Provider, db.Database.GetDbConnection() is SqliteConnection sqlite ? sqlite.DataSource : db.Database.GetDbConnection().Database);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Report store ({Provider}) migrated: {Database}")]
    private static partial void LogMigrated(ILogger logger, string provider, string database);
}
