namespace SpeedingReport.Storage;

/// <summary>Where a period's <see cref="AttentionSummaryRecord"/> has got to.</summary>
public enum AttentionSummaryOutcome
{
    /// <summary>Claimed, or its last send failed and it waits for the lease to lapse to be tried again.</summary>
    Pending,

    Sent,

    /// <summary>Nothing needed attention at the time: no email (as cron mails nothing for a run that prints nothing).</summary>
    NothingToSend,
}
