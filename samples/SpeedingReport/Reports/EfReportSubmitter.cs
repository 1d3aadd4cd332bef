using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpeedingReport.Delivery;
using SpeedingReport.Routing;
using SpeedingReport.Storage;

namespace SpeedingReport.Reports;

/// <summary>
/// Stores the report and one pending delivery per recipient in one transaction (one <c>SaveChanges</c>), so a
/// confirmation is only ever shown for a report that is stored with everything needed to send it.
/// </summary>
public sealed partial class EfReportSubmitter(
    IReportsDbContextFactory factory,
    IReportReferenceGenerator references,
    TimeProvider time,
    DeliverySignal signal,
    ILogger<EfReportSubmitter> logger) : IReportSubmitter
{
    /// <summary>Collisions are about one in 10⁸ at a million reports, so a few draws always suffice; more means something else is wrong.</summary>
    internal const int MaxReferenceDraws = 5;

    /// <summary>The channel of the resident's confirmation, and of the report to a body without an Open311 endpoint.</summary>
    internal const string DefaultChannel = "email";

    /// <summary>The channel of the report to a body whose directory entry names an Open311 endpoint (the delivery's address is the endpoint's name).</summary>
    internal const string Open311Channel = Delivery.Open311.Open311DeliveryChannel.ChannelName;

    // SQLite only: PostgreSQL commits concurrent writers side by side.
    private readonly GroupCommit? _groupCommit = factory.Provider == ReportStorageServiceCollectionExtensions.SqliteProvider ? new GroupCommit(factory) : null;

    public async Task<SubmissionReceipt> SubmitAsync(ReportSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        try
        {
            if (await FindAsync(submission.SubmissionId, cancellationToken) is { } earlier)
            {
                return earlier;
            }

            for (var draw = 1; draw <= MaxReferenceDraws; draw++)
            {
                var reference = references.NewReference();
                try
                {
                    var receipt = await InsertAsync(submission, reference, cancellationToken);
                    signal.Notify();
                    return receipt;
                }
                catch (DbUpdateException ex)
                {
                    // A unique index refused the row: the same journey submitted at the same moment (double click),
                    // or a reference already taken. Anything else is a storage fault.
                    if (await FindAsync(submission.SubmissionId, cancellationToken) is { } concurrent)
                    {
                        return concurrent;
                    }

                    if (!await ReferenceTakenAsync(reference, cancellationToken))
                    {
                        throw new ReportStorageException($"The report could not be stored: {ex.InnerException?.Message ?? ex.Message}", ex);
                    }

                    LogCollision(logger, reference, draw);
                }
            }

            throw new ReportStorageException($"No unused reference after {MaxReferenceDraws} draws.");
        }
        catch (Exception ex) when (ex is not (ReportStorageException or OperationCanceledException))
        {
            throw new ReportStorageException($"The report could not be stored: {ex.Message}", ex);
        }
    }

    private async Task<SubmissionReceipt> InsertAsync(ReportSubmission submission, string reference, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = new ReportRecord
        {
            Id = Guid.CreateVersion7(now),
            SubmissionId = submission.SubmissionId,
            Reference = reference,
            ReceivedAt = now,
            DealtWithBy = submission.DealtWithBy == ResponsibleBody.Parish ? "parish" : "district",
            RuleIndex = submission.RuleIndex,
            RecipientName = submission.Recipient.Name,
            ParishCode = submission.Location.ParishCode,
            DistrictCode = submission.Location.DistrictCode,
            Road = submission.Road,
            ReporterEmail = submission.ReporterEmail,
            SubmissionJson = JsonSerializer.Serialize(submission, ReportSubmissionJson.Default.ReportSubmission),
        };
        var toBody = submission.Recipient.Open311Endpoint is { Length: > 0 } endpoint
            ? NewDelivery(report, DeliveryKind.ToResponsibleBody, Open311Channel, endpoint, now)
            : NewDelivery(report, DeliveryKind.ToResponsibleBody, DefaultChannel, submission.Recipient.Email ?? "", now);
        report.Deliveries.Add(toBody);
        report.Deliveries.Add(NewDelivery(report, DeliveryKind.ConfirmationToResident, DefaultChannel, submission.ReporterEmail, now));

        if (_groupCommit is null || !await _groupCommit.TryInsertAsync(report))
        {
            await using var db = await factory.CreateAsync(cancellationToken);
            db.Reports.Add(report);
            using (await factory.EnterWriteAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return new SubmissionReceipt(reference, now, AlreadySubmitted: false);
    }

    private static DeliveryRecord NewDelivery(ReportRecord report, DeliveryKind kind, string channel, string address, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ReportId = report.Id,
        Kind = kind,
        Channel = channel,
        RecipientAddress = address,
        Status = DeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private async Task<SubmissionReceipt?> FindAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        var found = await db.Reports.AsNoTracking().Where(r => r.SubmissionId == submissionId)
            .Select(r => new { r.Reference, r.ReceivedAt }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new SubmissionReceipt(found.Reference, found.ReceivedAt, AlreadySubmitted: true);
    }

    private async Task<bool> ReferenceTakenAsync(string reference, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        return await db.Reports.AnyAsync(r => r.Reference == reference, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reference {Reference} was taken (draw {Draw}); drawing another")]
    private static partial void LogCollision(ILogger logger, string reference, int draw);
}
