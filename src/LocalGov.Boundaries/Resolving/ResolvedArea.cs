namespace LocalGov.Boundaries;

/// <summary>
/// The answer for one point: the area covering it, or nothing. A struct holding one reference to the resolver's
/// own <see cref="BoundaryArea"/>, so resolving allocates nothing.
/// </summary>
public readonly struct ResolvedArea : IEquatable<ResolvedArea>
{
    /// <summary>Creates a result.</summary>
    /// <param name="area">The covering area, or null for none.</param>
    public ResolvedArea(BoundaryArea? area) => Area = area;

    /// <summary>The covering area, or null when nothing covers the point.</summary>
    public BoundaryArea? Area { get; }

    /// <summary>Parish, non-parished area, district, or <see cref="AreaKind.None"/>.</summary>
    public AreaKind Kind => Area?.Kind ?? AreaKind.None;

    /// <summary>The area's code, or null.</summary>
    public string? Code => Area?.Code;

    /// <summary>The area's name, or null.</summary>
    public string? Name => Area?.Name;

    /// <summary>Whether anything covers the point.</summary>
    public bool IsFound => Area is not null;

    /// <summary>Compares two results by the area they refer to.</summary>
    /// <param name="left">One result.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when both refer to the same area (or both to none).</returns>
    public static bool operator ==(ResolvedArea left, ResolvedArea right) => left.Equals(right);

    /// <summary>Compares two results by the area they refer to.</summary>
    /// <param name="left">One result.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when they refer to different areas.</returns>
    public static bool operator !=(ResolvedArea left, ResolvedArea right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ResolvedArea other) => ReferenceEquals(Area, other.Area);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ResolvedArea other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Area is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Area);

    /// <inheritdoc />
    public override string ToString() => Area is null ? "None" : $"{Kind} {Area.Code} {Area.Name}";
}
