namespace SpeedingReport.Retention;

/// <summary>What one run of the retention job did.</summary>
/// <param name="Anonymised">Reports whose personal data this run erased.</param>
/// <param name="WaitingForDeliveries">Reports due but left alone because a delivery still needs their data (pending or awaiting an id).</param>
/// <param name="Unreadable">Reports due whose stored submission could not be read, left for a person to look at (logged).</param>
public sealed record RetentionRunResult(int Anonymised, int WaitingForDeliveries, int Unreadable);
