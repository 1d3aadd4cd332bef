using Microsoft.EntityFrameworkCore;

namespace SpeedingReport.Storage;

/// <summary>
/// On SQLite every commit waits for the disk (about 3–4 ms here with <c>synchronous=FULL</c>), one writer at a time. Reports
/// that arrive while another is being written wait at the write gate; whichever holds it next writes all that are waiting
/// in one transaction, so one disk flush covers many residents and each is still only confirmed once its report is stored.
/// If the batch is refused (a unique index: a double click, a reference already taken), nothing of it is stored and each
/// report is written again on its own, so the refusal reaches the submission it belongs to.
/// </summary>
internal sealed class GroupCommit(IReportsDbContextFactory factory)
{
    private readonly Lock _lock = new();
    private List<Waiting> _waiting = [];

    /// <summary>True when the report is stored; false when it must be written alone (its batch was refused).</summary>
    public async Task<bool> TryInsertAsync(ReportRecord report)
    {
        var mine = new Waiting(report);
        lock (_lock)
        {
            _waiting.Add(mine);
        }

        // Not cancellable once queued: another writer may already be storing this report, and the resident's retry
        // finds a stored one by its submission id.
        using (await factory.EnterWriteAsync(CancellationToken.None))
        {
            if (!mine.Stored.Task.IsCompleted)
            {
                List<Waiting> batch;
                lock (_lock)
                {
                    batch = _waiting;
                    _waiting = [];
                }

                await WriteAsync(batch);
            }
        }

        return await mine.Stored.Task;
    }

    private async Task WriteAsync(List<Waiting> batch)
    {
        try
        {
            await using var db = await factory.CreateAsync(CancellationToken.None);
            db.Reports.AddRange(batch.Select(w => w.Report));
            await db.SaveChangesAsync(CancellationToken.None);
            batch.ForEach(w => w.Stored.TrySetResult(true));
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            batch.ForEach(w => w.Stored.TrySetResult(false));
        }
        catch (Exception ex)
        {
            batch.ForEach(w => w.Stored.TrySetException(ex));
        }
    }

    private sealed class Waiting(ReportRecord report)
    {
        public ReportRecord Report => report;

        public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
