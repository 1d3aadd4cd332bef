using LocalGov.Boundaries;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace LocalGov.Conformance.Tests.Boundaries;

/// <summary>The NetTopologySuite reference: every polygon whose prepared geometry Covers the point, via an STRtree.</summary>
internal sealed class ReferenceLocator
{
    private readonly STRtree<(string Code, IPreparedGeometry Geometry)> _tree = new();
    private readonly GeometryFactory _factory = new();

    public ReferenceLocator(BoundarySet set)
    {
        foreach (var feature in set.Features)
        {
            _tree.Insert(feature.Geometry.EnvelopeInternal, (feature.Code, PreparedGeometryFactory.Prepare(feature.Geometry)));
        }

        _tree.Build();
    }

    public List<string> Covering(double x, double y)
    {
        var point = _factory.CreatePoint(new Coordinate(x, y));
        var found = new List<string>();
        foreach (var (code, geometry) in _tree.Query(new Envelope(x, x, y, y)))
        {
            if (geometry.Covers(point))
            {
                found.Add(code);
            }
        }

        return found;
    }
}
