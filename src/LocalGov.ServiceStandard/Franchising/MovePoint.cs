namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Moves a point to follow <see cref="AfterPointId"/> (or first when null); the points are renumbered.</summary>
public sealed record MovePoint : StandardEdit
{
    /// <summary>The point it should follow, or null to put it first.</summary>
    public string? AfterPointId { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"move '{PointId}'" + (AfterPointId is null ? " first" : $" after '{AfterPointId}'");
}
