namespace LocalGov.ServiceStandard.Franchising;

/// <summary>One recorded pack edit that clashes with a change in the new parent, or no longer applies to it.</summary>
public sealed record PackRebaseConflict
{
    /// <summary>The edit's position in the derivation (0-based).</summary>
    public required int EditIndex { get; init; }

    /// <summary>The edit, described (<see cref="PackEdit.Describe"/>).</summary>
    public required string Edit { get; init; }

    /// <summary>The session concerned.</summary>
    public required string SessionId { get; init; }

    /// <summary>The material concerned, or null when the edit is about the session or its agenda.</summary>
    public string? MaterialId { get; init; }

    /// <summary>What kind of clash it is.</summary>
    public required PackRebaseConflictKind Kind { get; init; }

    /// <summary>Both sides of the clash, in a sentence.</summary>
    public required string Detail { get; init; }
}
