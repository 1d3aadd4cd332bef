namespace LocalGov.Boundaries;

/// <summary>An immutable set of boundaries in one coordinate reference system, with the report of how it was loaded.</summary>
public sealed class BoundarySet
{
    /// <summary>Creates a set.</summary>
    /// <param name="features">The boundaries, in source order.</param>
    /// <param name="crs">Their coordinate reference system.</param>
    /// <param name="report">How they were loaded.</param>
    /// <exception cref="ArgumentException">The CRS is unknown or a geometry is not polygonal.</exception>
    public BoundarySet(IEnumerable<BoundaryFeature> features, BoundaryCrs crs, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(report);
        if (crs == BoundaryCrs.Unknown)
        {
            throw new ArgumentException("A boundary set needs a known CRS (EPSG:27700 or EPSG:4326).", nameof(crs));
        }

        var list = features.ToArray();
        foreach (var feature in list)
        {
            if (feature.Geometry is not (NetTopologySuite.Geometries.Polygon or NetTopologySuite.Geometries.MultiPolygon))
            {
                throw new ArgumentException($"Boundary '{feature.Code}' is a {feature.Geometry.GeometryType}, not a polygon or multipolygon.", nameof(features));
            }
        }

        Features = list;
        Crs = crs;
        Report = report;
    }

    /// <summary>The boundaries, in source order (which is also the order that decides overlaps: the first wins).</summary>
    public IReadOnlyList<BoundaryFeature> Features { get; }

    /// <summary>The coordinate reference system of every geometry in the set.</summary>
    public BoundaryCrs Crs { get; }

    /// <summary>What loading found: counts, CRS decision, repairs and skips.</summary>
    public LoadReport Report { get; }

    /// <summary>The total number of coordinates over all rings (closing points included).</summary>
    public long VertexCount => Features.Sum(f => (long)f.Geometry.NumPoints);
}
