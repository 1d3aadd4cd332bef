namespace LocalGov.ServiceStandard.Assessments;

/// <summary>What an assessment against one standard says about one point of another, through a crosswalk.</summary>
public sealed record TargetPointCoverage
{
    /// <summary>The target point number.</summary>
    public required int Number { get; init; }

    /// <summary>The target point's title, when known.</summary>
    public string? Title { get; init; }

    /// <summary>The source points that map onto it, with their outcomes.</summary>
    public required IReadOnlyList<CrosswalkSource> Sources { get; init; }

    /// <summary>True when no source point maps onto this target point: the old assessment says nothing about it.</summary>
    public bool IsGap => Sources.Count == 0;

    /// <summary>True when some source evidence exists and none of it failed.</summary>
    public bool IsCoveredWithoutFailure => Sources.Count > 0 && Sources.All(s => s.Outcome is not null && !s.IsFailing);
}
