namespace SpeedingReport.Staff.Attention;

/// <summary>The kinds of <see cref="AttentionSummaryRun"/>.</summary>
public enum AttentionSummaryResult
{
    /// <summary>No <see cref="AttentionOptions.SummaryEmail"/>: nothing to do.</summary>
    NotConfigured,

    Sent,

    /// <summary>Nothing needed attention: no email, and the period is done.</summary>
    NothingToSend,

    /// <summary>This period was already sent (or found empty), or another instance is sending it now.</summary>
    AlreadyHandled,

    /// <summary>The send failed; the period is tried again after <see cref="AttentionOptions.RetryAfter"/>.</summary>
    SendFailed,
}
