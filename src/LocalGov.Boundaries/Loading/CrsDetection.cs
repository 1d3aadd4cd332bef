using NetTopologySuite.Geometries;

namespace LocalGov.Boundaries.Loading;

/// <summary>Decides a source's CRS from what it declares, what its coordinates look like, and the caller's override.</summary>
internal static class CrsDetection
{
    public static BoundaryCrs FromSrid(int? srid) => srid switch
    {
        27700 => BoundaryCrs.BritishNationalGrid,
        4326 => BoundaryCrs.Wgs84,
        _ => BoundaryCrs.Unknown,
    };

    /// <summary>Longitude/latitude around Britain, or grid metres within the National Grid's extent.</summary>
    public static BoundaryCrs FromExtent(Envelope extent)
    {
        if (extent.IsNull)
        {
            return BoundaryCrs.Unknown;
        }

        if (extent.MinX >= -12 && extent.MaxX <= 4 && extent.MinY >= 48 && extent.MaxY <= 62)
        {
            return BoundaryCrs.Wgs84;
        }

        if (extent.MinX >= -100_000 && extent.MaxX <= 800_000 && extent.MinY >= -100_000 && extent.MaxY <= 1_300_000 &&
            extent.Width > 10 && extent.Height > 10)
        {
            return BoundaryCrs.BritishNationalGrid;
        }

        return BoundaryCrs.Unknown;
    }

    public static (BoundaryCrs Crs, string Decision, string? Warning) Decide(string source, int? declaredSrid, string? declaredText, Envelope extent, BoundaryCrs? overrideCrs)
    {
        var declared = FromSrid(declaredSrid);
        var detected = FromExtent(extent);
        var declaredLabel = declaredText ?? (declaredSrid is null ? "nothing" : $"SRID {declaredSrid}");

        if (overrideCrs is { } forced && forced != BoundaryCrs.Unknown)
        {
            var warning = detected != BoundaryCrs.Unknown && detected != forced
                ? $"the CRS was overridden to {BoundaryCrsParser.Format(forced)} but the coordinates look like {BoundaryCrsParser.Format(detected)}"
                : null;
            return (forced, $"overridden to {BoundaryCrsParser.Format(forced)} (source declares {declaredLabel})", warning);
        }

        if (declared != BoundaryCrs.Unknown && (detected == BoundaryCrs.Unknown || detected == declared))
        {
            return (declared, $"declared ({declaredLabel})", null);
        }

        if (detected != BoundaryCrs.Unknown)
        {
            var warning = declaredSrid is null && declaredText is null
                ? null
                : $"the source declares {declaredLabel} but the coordinates are {BoundaryCrsParser.Format(detected)}; using {BoundaryCrsParser.Format(detected)} (override with Crs if this is wrong)";
            return (detected, $"detected from coordinate ranges ({BoundaryCrsParser.Format(detected)}; source declares {declaredLabel})", warning);
        }

        throw new BoundaryCrsException(
            $"{source}: cannot tell the CRS: the source declares {declaredLabel} and the coordinates (extent {extent.MinX:G6},{extent.MinY:G6} to {extent.MaxX:G6},{extent.MaxY:G6}) " +
            "are neither British National Grid metres nor longitude/latitude around Britain. Give the CRS explicitly (EPSG:27700 or EPSG:4326) if the data is in one of them.");
    }
}
