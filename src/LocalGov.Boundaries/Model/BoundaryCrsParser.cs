namespace LocalGov.Boundaries;

/// <summary>Parses and formats <see cref="BoundaryCrs"/> as <c>EPSG:27700</c> / <c>EPSG:4326</c>.</summary>
public static class BoundaryCrsParser
{
    /// <summary>Parses <c>EPSG:27700</c>, <c>27700</c>, <c>EPSG:4326</c>, <c>4326</c>, <c>BNG</c> or <c>WGS84</c> (case-insensitive).</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The coordinate reference system.</returns>
    /// <exception cref="ArgumentException">The text names no supported system.</exception>
    public static BoundaryCrs Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[5..];
        }

        return trimmed.ToUpperInvariant() switch
        {
            "27700" or "BNG" or "OSGB" => BoundaryCrs.BritishNationalGrid,
            "4326" or "WGS84" or "CRS84" => BoundaryCrs.Wgs84,
            _ => throw new ArgumentException($"Unsupported coordinate reference system '{text}': use EPSG:27700 or EPSG:4326.", nameof(text)),
        };
    }

    /// <summary>Formats a system as <c>EPSG:27700</c> or <c>EPSG:4326</c>.</summary>
    /// <param name="crs">The system.</param>
    /// <returns>The EPSG name, or <c>unknown</c>.</returns>
    public static string Format(BoundaryCrs crs) => crs == BoundaryCrs.Unknown ? "unknown" : $"EPSG:{(int)crs}";
}
