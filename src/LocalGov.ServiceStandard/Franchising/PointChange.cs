namespace LocalGov.ServiceStandard.Franchising;

/// <summary>One point's difference between two versions, matched by stable point id.</summary>
public sealed record PointChange
{
    /// <summary>What changed.</summary>
    public required PointChangeKind Kind { get; init; }

    /// <summary>The point id.</summary>
    public required string PointId { get; init; }

    /// <summary>Its number in the older version.</summary>
    public int? OldNumber { get; init; }

    /// <summary>Its number in the newer version.</summary>
    public int? NewNumber { get; init; }

    /// <summary>Its title in the older version.</summary>
    public string? OldTitle { get; init; }

    /// <summary>Its title in the newer version.</summary>
    public string? NewTitle { get; init; }

    /// <summary>Its text in the older version.</summary>
    public string? OldText { get; init; }

    /// <summary>Its text in the newer version.</summary>
    public string? NewText { get; init; }

    /// <summary>For reworded points: the text's word-level difference, removed words as <c>[-…-]</c> and added ones as <c>{+…+}</c>.</summary>
    public string? WordDiff { get; init; }

    /// <summary>Whether the point's number changed.</summary>
    public bool Renumbered => OldNumber is not null && NewNumber is not null && OldNumber != NewNumber;
}
