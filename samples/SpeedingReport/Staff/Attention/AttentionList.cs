namespace SpeedingReport.Staff.Attention;

/// <summary>What needs attention at <paramref name="At"/>: <paramref name="Total"/> deliveries, the oldest <paramref name="Items"/> of them listed.</summary>
/// <param name="At">When it was looked up.</param>
/// <param name="StuckAfter">The threshold used.</param>
/// <param name="Total">How many need attention.</param>
/// <param name="FailedCount">How many of them failed (the rest are stuck).</param>
/// <param name="Items">The oldest of them, at most <see cref="AttentionOptions.MaxListed"/>.</param>
public sealed record AttentionList(DateTimeOffset At, TimeSpan StuckAfter, int Total, int FailedCount, IReadOnlyList<AttentionItem> Items)
{
    public int StuckCount => Total - FailedCount;
}
