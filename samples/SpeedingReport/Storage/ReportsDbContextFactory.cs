using Microsoft.EntityFrameworkCore;

namespace SpeedingReport.Storage;

internal sealed class ReportsDbContextFactory<TContext>(IDbContextFactory<TContext> inner, string provider) : IReportsDbContextFactory, IDisposable
    where TContext : ReportsDbContext
{
    // SQLite has one writer at a time; PostgreSQL's row locks let writers run together.
    private readonly SqliteWriteGate? _gate = provider == ReportStorageServiceCollectionExtensions.SqliteProvider ? new SqliteWriteGate() : null;

    public string Provider => provider;

    public async Task<ReportsDbContext> CreateAsync(CancellationToken cancellationToken) => await inner.CreateDbContextAsync(cancellationToken);

    public ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken) =>
        _gate is null ? ValueTask.FromResult<IDisposable>(NoWriteGate.Instance) : _gate.EnterAsync(cancellationToken);

    public void Dispose() => _gate?.Dispose();
}
