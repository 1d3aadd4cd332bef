namespace SpeedingReport.Storage;

/// <summary>Makes a context on whichever store is configured; callers dispose it.</summary>
public interface IReportsDbContextFactory
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Provider { get; }

    Task<ReportsDbContext> CreateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Held around a write that residents wait for. SQLite takes one writer at a time, and Microsoft.Data.Sqlite answers a
    /// busy database by sleeping the thread between retries, so writers queued here (asynchronously) commit one after
    /// another instead of sleeping in turn. PostgreSQL needs no gate.
    /// </summary>
    ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable>(NoWriteGate.Instance);
}
