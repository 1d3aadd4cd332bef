namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>One relation from a point of the source standard to a point of the target (or to nothing).</summary>
public sealed record CrosswalkMapping
{
    /// <summary>The source point number.</summary>
    public required int FromPoint { get; init; }

    /// <summary>The target point number, or null when <see cref="Relation"/> is <see cref="CrosswalkRelation.None"/>.</summary>
    public int? ToPoint { get; init; }

    /// <summary>How the points relate.</summary>
    public required CrosswalkRelation Relation { get; init; }

    /// <summary>Rough share (0..1) of the source point covered by the target, when stated.</summary>
    public double? Weight { get; init; }

    /// <summary>What changed or why the relation holds.</summary>
    public string? Note { get; init; }
}
