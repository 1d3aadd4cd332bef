using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace LocalGov.Boundaries.Loading;

/// <summary>Turns a raw source into a <see cref="BoundarySet"/>: fields, CRS, repairs and skips, all reported.</summary>
internal static class BoundarySetBuilder
{
    public static BoundarySet Build(RawSource raw, BoundaryLoadOptions options)
    {
        var fields = FieldMapping.Choose(raw.FieldNames, options, raw.Source);

        // Coordinates no CRS could mean (NaN, infinities, 1e200) are refused before anything measures them: they would
        // defeat CRS detection and the resolver's grid. Each CRS's own range is checked once the CRS is known.
        RefuseOutside(raw, fields, AnyCrs, "any coordinate reference system (beyond ±1e9)");
        var extent = new Envelope();
        foreach (var feature in raw.Features)
        {
            if (feature.Geometry is { IsEmpty: false } g)
            {
                extent.ExpandToInclude(g.EnvelopeInternal);
            }
        }

        var (crs, decision, crsWarning) = CrsDetection.Decide(raw.Source, raw.DeclaredSrid, raw.DeclaredCrsText, extent, options.Crs);
        RefuseOutside(raw, fields, crs == BoundaryCrs.Wgs84 ? Wgs84Range : BngRange, crs == BoundaryCrs.Wgs84
            ? "WGS84's range (longitude -180 to 180, latitude -90 to 90)"
            : "the British National Grid's range (easting -100000 to 800000, northing -100000 to 1400000 metres)");
        var warnings = new List<string>();
        if (crsWarning is not null)
        {
            warnings.Add(crsWarning);
        }

        if (fields.NameField is null)
        {
            warnings.Add($"no name field found: names are empty (set NameField to choose one; fields are {string.Join(", ", raw.FieldNames)})");
        }

        var repairs = new List<LoadIssue>();
        var skips = new List<LoadIssue>();
        var kept = new List<BoundaryFeature>(raw.Features.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        foreach (var feature in raw.Features)
        {
            var code = AsText(feature.Attribute(fields.CodeField));
            if (string.IsNullOrWhiteSpace(code))
            {
                skips.Add(new LoadIssue(feature.Number, null, $"no value in the code field '{fields.CodeField}'"));
                continue;
            }

            var geometry = Polygonal(feature.Geometry, out var skipReason);
            if (geometry is null)
            {
                skips.Add(new LoadIssue(feature.Number, code, skipReason!));
                continue;
            }

            var validation = new IsValidOp(geometry).ValidationError;
            if (validation is not null)
            {
                var fixedGeometry = Polygonal(GeometryFixer.Fix(geometry), out _);
                if (fixedGeometry is null)
                {
                    skips.Add(new LoadIssue(feature.Number, code, $"invalid geometry ({validation.Message} at {validation.Coordinate}) that repairs to nothing polygonal"));
                    continue;
                }

                repairs.Add(new LoadIssue(feature.Number, code, $"invalid geometry ({validation.Message} at {validation.Coordinate}) repaired with GeometryFixer"));
                geometry = fixedGeometry;
            }

            geometry.SRID = (int)crs;
            if (!seen.Add(code))
            {
                duplicates.Add(code);
            }

            kept.Add(new BoundaryFeature
            {
                Code = code,
                Name = fields.NameField is null ? string.Empty : AsText(feature.Attribute(fields.NameField)) ?? string.Empty,
                ParentCode = fields.ParentCodeField is null ? null : AsText(feature.Attribute(fields.ParentCodeField)),
                Geometry = geometry,
            });
        }

        if (duplicates.Count > 0)
        {
            warnings.Add($"{duplicates.Count} code(s) appear more than once (kept as separate features; the first wins where they overlap): {string.Join(", ", duplicates.Distinct().Take(10))}");
        }

        var report = new LoadReport
        {
            Source = raw.Source,
            Format = raw.Format,
            FeaturesRead = raw.Features.Count,
            FeaturesLoaded = kept.Count,
            Crs = crs,
            CrsDecision = decision,
            CodeField = fields.CodeField,
            NameField = fields.NameField,
            ParentCodeField = fields.ParentCodeField,
            Repairs = repairs,
            Skips = skips,
            Warnings = warnings,
        };
        return new BoundarySet(kept, crs, report);
    }

    private static readonly (double MinX, double MaxX, double MinY, double MaxY) AnyCrs = (-1e9, 1e9, -1e9, 1e9);
    private static readonly (double MinX, double MaxX, double MinY, double MaxY) BngRange = (-100_000, 800_000, -100_000, 1_400_000);
    private static readonly (double MinX, double MaxX, double MinY, double MaxY) Wgs84Range = (-180, 180, -90, 90);

    private static void RefuseOutside(RawSource raw, FieldMapping fields, (double MinX, double MaxX, double MinY, double MaxY) range, string what)
    {
        foreach (var feature in raw.Features)
        {
            if (feature.Geometry is not { } geometry ||
                GeometryGuards.FirstCoordinateOutside(geometry, range.MinX, range.MaxX, range.MinY, range.MaxY) is not { } coordinate)
            {
                continue;
            }

            var code = AsText(feature.Attribute(fields.CodeField));
            var named = string.IsNullOrWhiteSpace(code) ? string.Empty : $" ({code})";
            throw new BoundaryFileException(raw.Source, feature.Line, feature.Number, $"the feature{named} has the coordinate {coordinate}, outside {what}");
        }
    }

    private static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The polygonal part of a geometry as a Polygon or MultiPolygon, or null with why.</summary>
    private static Geometry? Polygonal(Geometry? geometry, out string? reason)
    {
        reason = null;
        if (geometry is null)
        {
            reason = "no geometry";
            return null;
        }

        if (geometry.IsEmpty)
        {
            reason = "empty geometry";
            return null;
        }

        switch (geometry)
        {
            case Polygon or MultiPolygon:
                return geometry;
            case GeometryCollection collection:
                var polygons = new List<Polygon>();
                for (var i = 0; i < collection.NumGeometries; i++)
                {
                    var part = collection.GetGeometryN(i);
                    if (part is Polygon p && !p.IsEmpty)
                    {
                        polygons.Add(p);
                    }
                    else if (part is MultiPolygon mp)
                    {
                        polygons.AddRange(mp.Geometries.OfType<Polygon>().Where(x => !x.IsEmpty));
                    }
                }

                if (polygons.Count == 0)
                {
                    reason = $"a {geometry.GeometryType} with no polygonal part";
                    return null;
                }

                return polygons.Count == 1 ? polygons[0] : geometry.Factory.CreateMultiPolygon([.. polygons]);
            default:
                reason = $"a {geometry.GeometryType}, not a polygon";
                return null;
        }
    }
}
