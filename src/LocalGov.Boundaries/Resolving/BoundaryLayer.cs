namespace LocalGov.Boundaries;

/// <summary>One named layer of a <see cref="BoundaryResolver"/>: its boundaries, from any loader, and the kind of its areas.</summary>
/// <param name="Name">The layer's name (<c>parish</c>, <c>ward</c>, <c>district</c>, <c>county</c>, <c>division</c>, <c>constituency</c>, or any other); unique within a resolver, compared without case.</param>
/// <param name="Boundaries">The layer's areas.</param>
public sealed record BoundaryLayer(string Name, BoundarySet Boundaries)
{
    /// <summary>
    /// The kind of the layer's areas; by default from <see cref="Name"/>: <c>parish</c> gives <see cref="AreaKind.Parish"/>
    /// (codes with a non-parished prefix give <see cref="AreaKind.NonParishedArea"/>), <c>ward</c>, <c>district</c>,
    /// <c>county</c>, <c>division</c> and <c>constituency</c> their kinds, any other name <see cref="AreaKind.Other"/>.
    /// </summary>
    public AreaKind? Kind { get; init; }

    internal AreaKind EffectiveKind => Kind ?? Name.ToUpperInvariant() switch
    {
        "PARISH" or "PARISHES" => AreaKind.Parish,
        "WARD" or "WARDS" => AreaKind.Ward,
        "DISTRICT" or "DISTRICTS" => AreaKind.District,
        "COUNTY" or "COUNTIES" => AreaKind.County,
        "DIVISION" or "DIVISIONS" => AreaKind.ElectoralDivision,
        "CONSTITUENCY" or "CONSTITUENCIES" => AreaKind.Constituency,
        _ => AreaKind.Other,
    };
}
