using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace LocalGov.Boundaries.Tests.Resolving;

internal static class TestSets
{
    private static readonly WKTReader Reader = new();

    public static BoundarySet Set(BoundaryCrs crs, params (string Code, string Wkt)[] features) => new(
        features.Select(f => new BoundaryFeature { Code = f.Code, Name = "Name of " + f.Code, Geometry = Reader.Read(f.Wkt) }),
        crs,
        new LoadReport { Source = "test", Format = "test", FeaturesRead = features.Length, FeaturesLoaded = features.Length, Crs = crs, CrsDecision = "test", CodeField = "code" });

    public static Geometry Wkt(string wkt) => Reader.Read(wkt);
}
