namespace LocalGov.Boundaries;

/// <summary>Something loading did to one feature: a repair, or a skip with the reason.</summary>
/// <param name="FeatureNumber">The feature's 1-based position in the source (row, record or feature number).</param>
/// <param name="Code">The feature's code when it has one.</param>
/// <param name="Reason">What was wrong and what was done.</param>
public sealed record LoadIssue(int FeatureNumber, string? Code, string Reason);
