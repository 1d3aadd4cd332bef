using Microsoft.EntityFrameworkCore;
using SpeedingReport.Contacts;
using SpeedingReport.Delivery;
using SpeedingReport.Reports;
using SpeedingReport.Storage;

namespace SpeedingReport.Staff;

/// <summary>
/// What staff do to a report: re-send a failed delivery, re-route the report to another body, close it. Each change and
/// its audit entry are written in one transaction, so the log never misses an action nor records one that did not happen.
/// </summary>
public sealed class StaffReportActions(
    IReportsDbContextFactory factory,
    ContactDirectory directory,
    ContactFinder contacts,
    DeliverySignal signal,
    TimeProvider time)
{
    public const int ReasonMaxLength = 1000;

    /// <summary>Puts a failed delivery back to be tried now (its attempts are kept) and wakes the worker.</summary>
    /// <exception cref="StaffActionException">No such report or delivery, the report is closed, or the delivery has not failed.</exception>
    public async Task ResendAsync(string reference, Guid deliveryId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        var report = await OpenReportAsync(db, reference, cancellationToken);
        var delivery = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.ReportId == report.Id, cancellationToken)
            ?? throw new StaffActionException($"Report {reference} has no such delivery.");
        var now = time.GetUtcNow();
        using (await factory.EnterWriteAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Conditional on its state, so two members of staff pressing at once re-send it once.
            var updated = await db.Deliveries.Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Failed)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Status, DeliveryStatus.Pending)
                        .SetProperty(d => d.NextAttemptAt, now)
                        .SetProperty(d => d.CompletedAt, (DateTimeOffset?)null)
                        .SetProperty(d => d.ClaimedBy, (string?)null)
                        .SetProperty(d => d.LeaseExpiresAt, (DateTimeOffset?)null),
                    cancellationToken);
            if (updated == 0)
            {
                throw new StaffActionException($"The {Describe(delivery)} has not failed (it is {delivery.Status.ToString().ToLowerInvariant()}), so there is nothing to re-send.");
            }

            Log(db, report.Id, StaffActionKind.Resend, actor, now, $"Re-sent the {Describe(delivery)} to {delivery.RecipientAddress} after {delivery.AttemptCount} attempt(s). It had failed: {delivery.LastError ?? "no reason recorded"}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        signal.Notify();
    }

    /// <summary>Sends the report to another body (a new delivery), stops a report delivery still waiting to go, and records the reason.</summary>
    /// <exception cref="StaffActionException">No reason, an unknown body, the same body, or the report is closed.</exception>
    public async Task RerouteAsync(string reference, string bodyCode, string? reason, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new StaffActionException("Enter why the report is being re-routed") { Field = "reason" };
        }

        if (reason.Length > ReasonMaxLength)
        {
            throw new StaffActionException($"The reason must be {ReasonMaxLength} characters or fewer") { Field = "reason" };
        }

        await using var db = await factory.CreateAsync(cancellationToken);
        var report = await OpenReportAsync(db, reference, cancellationToken);
        var bodies = await BodiesAsync(report, cancellationToken);
        var body = bodies.FirstOrDefault(b => string.Equals(b.Code, bodyCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new StaffActionException("Select the body to send the report to") { Field = "body" };

        var now = time.GetUtcNow();
        var from = report.RecipientName;
        using (await factory.EnterWriteAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // A report delivery that has not gone yet would reach the old body too: it stops, saying why.
            var stopped = await db.Deliveries
                .Where(d => d.ReportId == report.Id && d.Kind == DeliveryKind.ToResponsibleBody && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Status, DeliveryStatus.Failed)
                        .SetProperty(d => d.LastError, $"Stopped: staff re-routed the report to {body.Name}.")
                        .SetProperty(d => d.CompletedAt, now)
                        .SetProperty(d => d.ClaimedBy, (string?)null)
                        .SetProperty(d => d.LeaseExpiresAt, (DateTimeOffset?)null),
                    cancellationToken);

            report.RecipientName = body.Name.Length > 300 ? body.Name[..300] : body.Name;
            db.Deliveries.Add(new DeliveryRecord
            {
                Id = Guid.CreateVersion7(now),
                ReportId = report.Id,
                Kind = DeliveryKind.ToResponsibleBody,
                Channel = body.Channel,
                RecipientAddress = body.Address,
                Status = DeliveryStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            var stoppedNote = stopped > 0 ? $" The delivery to {from} that had not gone yet was stopped." : "";
            Log(db, report.Id, StaffActionKind.Reroute, actor, now, $"Re-routed from {from} to {body.Name} ({body.Channel} to {body.Address}).{stoppedNote} Reason: {reason.Trim()}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        signal.Notify();
    }

    /// <summary>Closes the report, with an optional note.</summary>
    /// <exception cref="StaffActionException">No such report, it is already closed, or the note is too long.</exception>
    public async Task CloseAsync(string reference, string? note, string actor, CancellationToken cancellationToken)
    {
        if (note?.Length > ReasonMaxLength)
        {
            throw new StaffActionException($"The note must be {ReasonMaxLength} characters or fewer") { Field = "note" };
        }

        await using var db = await factory.CreateAsync(cancellationToken);
        var report = await OpenReportAsync(db, reference, cancellationToken);
        var now = time.GetUtcNow();
        report.ClosedAt = now;
        Log(db, report.Id, StaffActionKind.Close, actor, now, string.IsNullOrWhiteSpace(note) ? "Closed." : $"Closed. Note: {note.Trim()}");
        using (await factory.EnterWriteAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw new StaffActionException($"Report {reference} changed while it was being closed; look at it again.", ex);
            }
        }
    }

    /// <summary>The bodies a report can go to: every directory entry with an email address or Open311 endpoint, and the report's parish as the council's Modern.Gov lists it.</summary>
    public async Task<IReadOnlyList<StaffBody>> BodiesAsync(ReportRecord report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var bodies = new Dictionary<string, StaffBody>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in directory.Entries)
        {
            if (entry.Open311?.Name is { Length: > 0 } endpoint)
            {
                bodies[entry.AreaCode] = new StaffBody(entry.AreaCode, entry.Name, EfReportSubmitter.Open311Channel, endpoint);
            }
            else if (!string.IsNullOrWhiteSpace(entry.Email))
            {
                bodies[entry.AreaCode] = new StaffBody(entry.AreaCode, entry.Name, EfReportSubmitter.DefaultChannel, entry.Email);
            }
        }

        if (report.ParishCode is { } parishCode)
        {
            var parish = await contacts.FindParishAsync(parishCode, ParishName(report) ?? parishCode, cancellationToken);
            if (parish is { Open311Endpoint: null, Email: { Length: > 0 } email })
            {
                bodies[parishCode] = new StaffBody(parishCode, parish.Name, EfReportSubmitter.DefaultChannel, email);
            }
        }

        return [.. bodies.Values.OrderBy(b => b.Name, StringComparer.Ordinal)];
    }

    private static string? ParishName(ReportRecord report)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(report.SubmissionJson, ReportSubmissionJson.Default.ReportSubmission)?.Location.ParishName;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task<ReportRecord> OpenReportAsync(ReportsDbContext db, string reference, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Reference == reference, cancellationToken)
            ?? throw new StaffActionException($"There is no report {reference}.");
        return report.ClosedAt is null ? report : throw new StaffActionException($"Report {reference} is closed.");
    }

    private static void Log(ReportsDbContext db, Guid reportId, StaffActionKind action, string actor, DateTimeOffset at, string detail) =>
        db.StaffActions.Add(new StaffActionRecord
        {
            Id = Guid.CreateVersion7(at),
            ReportId = reportId,
            At = at,
            Action = action,
            Actor = actor.Length > 300 ? actor[..300] : actor,
            Detail = detail.Length > StaffActionRecord.DetailMaxLength ? detail[..StaffActionRecord.DetailMaxLength] : detail,
        });

    private static string Describe(DeliveryRecord delivery) =>
        delivery.Kind == DeliveryKind.ToResponsibleBody ? "report to the responsible body" : "confirmation to the resident";
}
