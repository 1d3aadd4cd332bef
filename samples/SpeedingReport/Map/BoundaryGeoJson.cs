using System.Text.Json;
using LocalGov.Boundaries;
using LocalGov.Postcodes.Grid;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using SpeedingReport.Location;

namespace SpeedingReport.Map;

/// <summary>
/// The boundaries the app loaded, as one GeoJSON FeatureCollection in WGS84 for the location map: each district
/// (<c>"kind": "district"</c>) and each parish (<c>"kind": "parish"</c>) with its code and name. Built once: the
/// boundaries do not change while the app runs.
/// </summary>
public sealed class BoundaryGeoJson
{
    // Simplified to a few metres: the map shows where a parish is, it does not decide (the resolver uses the full shapes).
    private const double ToleranceMetres = 5;
    private const double ToleranceDegrees = 0.00005;

    private readonly Lazy<byte[]> _json;

    public BoundaryGeoJson(AreaResolver areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        _json = new Lazy<byte[]>(() => Build(areas.DistrictBoundaries, areas.ParishBoundaries));
    }

    /// <summary>The FeatureCollection, UTF-8.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _json.Value;

    internal static byte[] Build(BoundarySet districts, BoundarySet parishes)
    {
        var grid = new HelmertGridConverter();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            foreach (var (set, kind) in new[] { (districts, "district"), (parishes, "parish") })
            {
                foreach (var feature in set.Features)
                {
                    WriteFeature(writer, feature, kind, set.Crs, grid);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteFeature(Utf8JsonWriter writer, BoundaryFeature feature, string kind, BoundaryCrs crs, HelmertGridConverter grid)
    {
        var tolerance = crs == BoundaryCrs.BritishNationalGrid ? ToleranceMetres : ToleranceDegrees;
        var geometry = TopologyPreservingSimplifier.Simplify(feature.Geometry, tolerance);
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteStartObject("properties");
        writer.WriteString("kind", kind);
        writer.WriteString("code", feature.Code);
        writer.WriteString("name", feature.Name);
        writer.WriteEndObject();
        writer.WriteStartObject("geometry");
        writer.WriteString("type", "MultiPolygon");
        writer.WriteStartArray("coordinates");
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon { IsEmpty: false } polygon)
            {
                continue;
            }

            writer.WriteStartArray();
            WriteRing(writer, polygon.ExteriorRing, crs, grid);
            foreach (var hole in polygon.InteriorRings)
            {
                WriteRing(writer, hole, crs, grid);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRing(Utf8JsonWriter writer, LineString ring, BoundaryCrs crs, HelmertGridConverter grid)
    {
        writer.WriteStartArray();
        foreach (var c in ring.Coordinates)
        {
            double longitude = c.X, latitude = c.Y;
            if (crs == BoundaryCrs.BritishNationalGrid)
            {
                var wgs = grid.ToWgs84(new BngCoordinate(c.X, c.Y));
                (longitude, latitude) = (wgs.Longitude, wgs.Latitude);
            }

            // Six decimals is about 10 cm: enough for a map, and a much smaller response.
            writer.WriteStartArray();
            writer.WriteNumberValue(Math.Round(longitude, 6));
            writer.WriteNumberValue(Math.Round(latitude, 6));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
