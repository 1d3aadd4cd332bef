using NetTopologySuite.Geometries;

namespace LocalGov.Boundaries.Loading;

/// <summary>A feature as read from a source, before fields, CRS and validity are dealt with.</summary>
internal sealed record RawFeature(int Number, int? Line, Func<string, object?> Attribute, Geometry? Geometry);

/// <summary>A whole source as read: its features and what it declares about itself.</summary>
internal sealed record RawSource(string Source, string Format, IReadOnlyList<string> FieldNames, IReadOnlyList<RawFeature> Features, int? DeclaredSrid, string? DeclaredCrsText);
