using System.Globalization;
using LocalGov.Postcodes.Grid;

namespace LocalGov.Postcodes.Internal;

/// <summary>
/// Checks the positions a server sends (postcodes.io, MapIt) before they reach a caller: a latitude of 999 or an easting
/// of 1e300 is a broken or hostile answer, not a place. Absent values (null) are allowed, because both services send none
/// for postcodes without a grid reference.
/// </summary>
internal static class RemotePositions
{
    // Projected boundaries (27700, or any other SRID a caller asks MapIt for) stay far inside this; 1e200 does not.
    private const double MaxProjected = 1e8;

    /// <summary>What is wrong with the position, or null when it is absent or a real one.</summary>
    public static string? Problem(double? longitude, double? latitude, double? easting = null, double? northing = null)
    {
        if (!Numbers.IsWgs84OrAbsent(longitude, latitude))
        {
            return string.Create(CultureInfo.InvariantCulture, $"longitude {longitude}, latitude {latitude}, which is not a WGS84 position (latitude within ±90, longitude within ±180)");
        }

        if (!IsGridOrAbsent(easting, northing))
        {
            return string.Create(CultureInfo.InvariantCulture, $"easting {easting}, northing {northing}, which is outside the grid (easting {GridMath.MinEasting:0}–{GridMath.MaxEasting:0} m, northing {GridMath.MinNorthing:0}–{GridMath.MaxNorthing:0} m)");
        }

        return null;
    }

    /// <summary>Whether a grid position is absent or inside the British National Grid's extent (the Irish Grid's values fall inside it too).</summary>
    public static bool IsGridOrAbsent(double? easting, double? northing) =>
        (easting is null || (double.IsFinite(easting.Value) && easting.Value is >= GridMath.MinEasting and <= GridMath.MaxEasting)) &&
        (northing is null || (double.IsFinite(northing.Value) && northing.Value is >= GridMath.MinNorthing and <= GridMath.MaxNorthing));

    /// <summary>What is wrong with a boundary's coordinates in <paramref name="srid"/>, or null when every one is usable.</summary>
    public static string? GeometryProblem(NetTopologySuite.Geometries.Geometry geometry, int srid)
    {
        foreach (var c in geometry.Coordinates)
        {
            var bad = srid == 4326
                ? !double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90
                : !double.IsFinite(c.X) || !double.IsFinite(c.Y) || Math.Abs(c.X) > MaxProjected || Math.Abs(c.Y) > MaxProjected;
            if (bad)
            {
                return srid == 4326
                    ? string.Create(CultureInfo.InvariantCulture, $"the point ({c.X}, {c.Y}) is not a WGS84 position (longitude within ±180, latitude within ±90)")
                    : string.Create(CultureInfo.InvariantCulture, $"the point ({c.X}, {c.Y}) is not a usable coordinate in EPSG:{srid} (each must be finite and within ±{MaxProjected:0.#e0})");
            }
        }

        return null;
    }
}
