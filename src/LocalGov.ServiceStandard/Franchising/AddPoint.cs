namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Adds a new point after <see cref="AfterPointId"/> (or first when null).</summary>
public sealed record AddPoint : StandardEdit
{
    /// <summary>The new point's title.</summary>
    public required string Title { get; init; }

    /// <summary>The new point's text.</summary>
    public string? Text { get; init; }

    /// <summary>For checklists: the recommendation.</summary>
    public string? Recommendation { get; init; }

    /// <summary>The point it follows, or null to put it first.</summary>
    public string? AfterPointId { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"add '{PointId}' \"{Title}\"" + (AfterPointId is null ? " first" : $" after '{AfterPointId}'");
}
