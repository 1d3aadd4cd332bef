namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>Point-level relations between two standard versions, with where the mapping comes from.</summary>
public sealed record Crosswalk
{
    /// <summary>A stable id for the crosswalk.</summary>
    public required string Id { get; init; }

    /// <summary>The source version.</summary>
    public required StandardReference From { get; init; }

    /// <summary>The target version.</summary>
    public required StandardReference To { get; init; }

    /// <summary>Who made the mapping and on what basis (official, research judgement, a cited table).</summary>
    public required string Provenance { get; init; }

    /// <summary>The relations, by source point.</summary>
    public required IReadOnlyList<CrosswalkMapping> Mappings { get; init; }

    /// <summary>The relations of one source point.</summary>
    /// <param name="fromPoint">The source point number.</param>
    /// <returns>Its relations (empty when the crosswalk does not mention it).</returns>
    public IReadOnlyList<CrosswalkMapping> For(int fromPoint) => [.. Mappings.Where(m => m.FromPoint == fromPoint)];

    /// <summary>Target points that no source point maps to: the gaps a translated assessment leaves.</summary>
    /// <param name="target">The target version (for its point numbers).</param>
    /// <returns>The uncovered target point numbers.</returns>
    public IReadOnlyList<int> UncoveredTargetPoints(StandardVersion target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var covered = Mappings.Where(m => m.ToPoint is not null && m.Relation != CrosswalkRelation.None).Select(m => m.ToPoint!.Value).ToHashSet();
        return [.. target.Points.Select(p => p.Number).Where(n => !covered.Contains(n))];
    }
}
