namespace SpeedingReport.Storage;

/// <summary>
/// One writer at a time for SQLite, queued asynchronously: Microsoft.Data.Sqlite answers a busy database by sleeping the
/// thread between retries, so writers that wait here commit one after another instead of sleeping in turn.
/// </summary>
internal sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new Held(_writer);
    }

    public void Dispose() => _writer.Dispose();

    private sealed class Held(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            // Released once even if a caller disposes twice (a using plus an explicit Dispose).
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }
}
