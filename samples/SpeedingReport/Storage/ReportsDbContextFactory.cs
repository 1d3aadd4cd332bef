using Microsoft.EntityFrameworkCore;

namespace SpeedingReport.Storage;

internal sealed class ReportsDbContextFactory<TContext>(IDbContextFactory<TContext> inner, string provider) : IReportsDbContextFactory, IDisposable
    where TContext : ReportsDbContext
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    // SQLite has one writer at a time; PostgreSQL's row locks let writers run together.
    private readonly bool _oneWriterAtATime = provider == ReportStorageServiceCollectionExtensions.SqliteProvider;

    public string Provider => provider;

    public async Task<ReportsDbContext> CreateAsync(CancellationToken cancellationToken) => await inner.CreateDbContextAsync(cancellationToken);

    public async ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (!_oneWriterAtATime)
        {
            return NoGate.Instance;
        }

        await _writer.WaitAsync(cancellationToken);
        return new Held(_writer);
    }

    public void Dispose() => _writer.Dispose();

    private sealed class Held(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }
}
