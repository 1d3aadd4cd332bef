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

        var (subject, body) = messages.Compose(request);
        return await StoreAsync(request.DeliveryId, request.Reference, request.RecipientAddress, subject, body, cancellationToken);
    }

    /// <summary>
    /// Keeps one message in the outbox, once per <paramref name="messageId"/> (a delivery id, or another message's own id
    /// such as a staff summary's): a repeated send of the same id is not stored twice.
    /// </summary>
    internal async Task<DeliveryOutcome> StoreAsync(Guid messageId, string reference, string recipient, string subject, string body, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await factory.CreateAsync(cancellationToken);
            var existing = await db.DemoOutbox.AsNoTracking().Where(m => m.DeliveryId == messageId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                return DeliveryOutcome.Delivered(id.ToString(), "Already in the demo outbox (a repeated send).");
            }

            var message = new DemoOutboxMessage
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                DeliveryId = messageId,
                Reference = reference.Length > 16 ? reference[..16] : reference,
                Recipient = recipient,
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
