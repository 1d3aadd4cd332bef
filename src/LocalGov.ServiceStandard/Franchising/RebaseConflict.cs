namespace LocalGov.ServiceStandard.Franchising;

/// <summary>One recorded edit that clashes with a change in the new parent.</summary>
public sealed record RebaseConflict
{
    /// <summary>The edit's position in the derivation (0-based).</summary>
    public required int EditIndex { get; init; }

    /// <summary>The edit, described.</summary>
    public required string Edit { get; init; }

    /// <summary>The point concerned.</summary>
    public required string PointId { get; init; }

    /// <summary>What kind of clash it is.</summary>
    public required RebaseConflictKind Kind { get; init; }

    /// <summary>Both sides of the clash, in a sentence.</summary>
    public required string Detail { get; init; }
}
