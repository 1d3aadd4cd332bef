using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>One point of the source assessment that maps onto a target point, with its outcome there.</summary>
public sealed record CrosswalkSource
{
    /// <summary>The source point number.</summary>
    public required int FromPoint { get; init; }

    /// <summary>How it relates to the target point.</summary>
    public required CrosswalkRelation Relation { get; init; }

    /// <summary>The crosswalk's weight, when stated.</summary>
    public double? Weight { get; init; }

    /// <summary>The source point's outcome in the source assessment (null when not assessed).</summary>
    public string? Outcome { get; init; }

    /// <summary>Whether that outcome fails the point in the source scheme.</summary>
    public bool IsFailing { get; init; }
}
