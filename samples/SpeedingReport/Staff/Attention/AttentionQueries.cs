using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpeedingReport.Storage;

namespace SpeedingReport.Staff.Attention;

/// <summary>
/// Deliveries that need attention: failed, or still pending (or awaiting the remote id) longer than
/// <see cref="AttentionOptions.StuckAfter"/> after their report was stored. Reports staff have closed are left out:
/// closing is how staff say a report needs nothing more.
/// </summary>
public sealed class AttentionQueries(IReportsDbContextFactory factory, TimeProvider time, IOptions<AttentionOptions> options)
{
    public async Task<AttentionList> FindAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var stuckBefore = now - settings.StuckAfter;
        await using var db = await factory.CreateAsync(cancellationToken);
        var needing = db.Deliveries.AsNoTracking().Where(d => d.Report!.ClosedAt == null
            && (d.Status == DeliveryStatus.Failed
                || ((d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.AwaitingId) && d.CreatedAt <= stuckBefore)));
        var total = await needing.CountAsync(cancellationToken);
        if (total == 0)
        {
            return new AttentionList(now, settings.StuckAfter, 0, 0, []);
        }

        var failed = await needing.CountAsync(d => d.Status == DeliveryStatus.Failed, cancellationToken);
        var rows = await needing.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Take(settings.MaxListed)
            .Select(d => new { d.Id, d.Report!.Reference, d.Kind, d.Report.RecipientName, d.Status, d.AttemptCount, d.CreatedAt, d.LastError })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new AttentionItem(r.Id, r.Reference, r.Kind, r.RecipientName, r.Status, r.AttemptCount, r.CreatedAt, now - r.CreatedAt, r.LastError)).ToList();
        return new AttentionList(now, settings.StuckAfter, total, failed, items);
    }
}
