namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Changes a point's title and/or text; members left null keep the parent's wording.</summary>
public sealed record RewordPoint : StandardEdit
{
    /// <summary>The new title, or null to keep it.</summary>
    public string? Title { get; init; }

    /// <summary>The new text, or null to keep it.</summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"reword '{PointId}'" + (Title is null ? string.Empty : $" as \"{Title}\"");
}
