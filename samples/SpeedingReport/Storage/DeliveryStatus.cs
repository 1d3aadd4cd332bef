namespace SpeedingReport.Storage;

/// <summary>Where a delivery has got to.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt (see <see cref="DeliveryRecord.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>Accepted by the remote system, which gave a token to follow up for its id (Open311).</summary>
    AwaitingId,

    Delivered,

    /// <summary>Given up: a permanent failure, or too many attempts or too long. <see cref="DeliveryRecord.LastError"/> says why.</summary>
    Failed,
}
