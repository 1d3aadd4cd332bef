namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>A named group of points, e.g. "Meeting users' needs" (points 1 to 5 of the Service Standard).</summary>
public sealed record StandardSection
{
    /// <summary>The section's name.</summary>
    public required string Name { get; init; }

    /// <summary>The ids of the points in the section, in order.</summary>
    public required IReadOnlyList<string> PointIds { get; init; }
}
