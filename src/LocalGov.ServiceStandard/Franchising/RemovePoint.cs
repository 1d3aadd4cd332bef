namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Removes a point.</summary>
public sealed record RemovePoint : StandardEdit
{
    /// <inheritdoc />
    public override string Describe() => $"remove '{PointId}'";
}
