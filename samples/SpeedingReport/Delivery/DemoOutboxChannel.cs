using Microsoft.EntityFrameworkCore;
using SpeedingReport.Storage;

namespace SpeedingReport.Delivery;

/// <summary>
/// The "email" channel of the offline demo: every message is stored in the report database and shown at
/// <c>/demo/outbox</c> instead of being sent. One message per delivery id, so a retried send is not shown twice.
/// </summary>
public sealed class DemoOutboxChannel(IReportsDbContextFactory factory, ReportMessages messages, TimeProvider time) : IDeliveryChannel
{
    public string Name => "email";

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.RecipientAddress))
        {
            return DeliveryOutcome.Permanent("No email address for this recipient.");
        }

        try
        {
            await using var db = await factory.CreateAsync(cancellationToken);
            var existing = await db.DemoOutbox.AsNoTracking().Where(m => m.DeliveryId == request.DeliveryId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                return DeliveryOutcome.Delivered(id.ToString(), "Already in the demo outbox (a repeated send).");
            }

            var (subject, body) = messages.Compose(request);
            var message = new DemoOutboxMessage
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                DeliveryId = request.DeliveryId,
                Reference = request.Reference,
                Recipient = request.RecipientAddress,
                Subject = subject.Length > 300 ? subject[..300] : subject,
                Body = body,
                CreatedAt = time.GetUtcNow(),
            };
            db.DemoOutbox.Add(message);
            using (await factory.EnterWriteAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return DeliveryOutcome.Delivered(message.Id.ToString(), "Stored in the demo outbox (demo mode sends no email).");
        }
        catch (DbUpdateException ex)
        {
            return DeliveryOutcome.Transient($"The demo outbox could not be written: {ex.InnerException?.Message ?? ex.Message}");
        }
        catch (System.Data.Common.DbException ex)
        {
            return DeliveryOutcome.Transient($"The demo outbox could not be written: {ex.Message}");
        }
    }
}
