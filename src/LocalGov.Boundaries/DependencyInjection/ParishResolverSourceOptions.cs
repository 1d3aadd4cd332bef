namespace LocalGov.Boundaries;

/// <summary>
/// Where the <see cref="ParishResolver"/> registered by <c>AddParishResolver</c> comes from: a saved index (loads in
/// well under a second), or boundary files indexed when the resolver is first asked for.
/// </summary>
public sealed class ParishResolverSourceOptions
{
    /// <summary>A saved index (<see cref="ParishResolver.Save(string)"/> or <c>localgov boundaries index</c>). Set this or <see cref="ParishBoundaries"/>, not both.</summary>
    public string? IndexPath { get; set; }

    /// <summary>The parish layer: parishes, non-parished areas, Welsh communities, in any format <see cref="BoundaryLoader"/> reads.</summary>
    public string? ParishBoundaries { get; set; }

    /// <summary>The optional district layer, answering where no parish covers a point (and for <see cref="ParishResolver.ResolveDistrict(double, double)"/>).</summary>
    public string? DistrictBoundaries { get; set; }

    /// <summary>Field names and CRS for <see cref="ParishBoundaries"/> (defaults recognise ONS and Boundary-Line names).</summary>
    public BoundaryLoadOptions ParishLoadOptions { get; set; } = new();

    /// <summary>Field names and CRS for <see cref="DistrictBoundaries"/>.</summary>
    public BoundaryLoadOptions DistrictLoadOptions { get; set; } = new();

    /// <summary>
    /// A folder holding the OSTN15 grid, for exact conversion of queries made in the other CRS (WGS84 against a BNG
    /// index, or the reverse). Without it the Helmert conversion is used (about 2 m).
    /// </summary>
    public string? Ostn15Directory { get; set; }
}
