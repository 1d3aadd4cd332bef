namespace LocalGov.Boundaries;

/// <summary>An area a resolver can answer with: its code, name, parent and kind (no geometry).</summary>
public sealed record BoundaryArea
{
    /// <summary>The area's code, for example <c>E04001490</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The area's name (empty when the source had none).</summary>
    public required string Name { get; init; }

    /// <summary>The parent's code, when the source gave one.</summary>
    public string? ParentCode { get; init; }

    /// <summary>Parish, non-parished area or district.</summary>
    public required AreaKind Kind { get; init; }
}
