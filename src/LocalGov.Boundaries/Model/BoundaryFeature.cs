using NetTopologySuite.Geometries;

namespace LocalGov.Boundaries;

/// <summary>One boundary: a parish, unparished area, community or district, with its polygonal geometry.</summary>
public sealed record BoundaryFeature
{
    /// <summary>The area's code, for example the GSS code <c>E04001490</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The area's name; empty when the source has no name field.</summary>
    public required string Name { get; init; }

    /// <summary>The code of the area this one sits in (for example the district of a parish), when the source gives it.</summary>
    public string? ParentCode { get; init; }

    /// <summary>The geometry: a valid, non-empty <see cref="Polygon"/> or <see cref="MultiPolygon"/> in the set's CRS.</summary>
    public required Geometry Geometry { get; init; }
}
