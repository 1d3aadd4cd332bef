namespace LocalGov.Postcodes.Grid;

/// <summary>
/// WGS84 ↔ British National Grid with the OS's single 7-parameter Helmert transformation (no data files).
/// Accuracy: about 2 m on average and up to 5 m at the extremities (Scilly, Outer Hebrides) — see the README's
/// table, measured against the 40 OS test points. Use <see cref="Ostn15GridConverter"/> for survey accuracy.
/// </summary>
public sealed class HelmertGridConverter : IGridConverter
{
    // WGS84 → OSGB36 (OS guide, "approximate WGS84 to OSGB36/ODN transformation").
    private const double Tx = -446.448;
    private const double Ty = 125.157;
    private const double Tz = -542.060;
    private const double ScalePpm = 20.4894;
    private const double RxSeconds = -0.1502;
    private const double RySeconds = -0.2470;
    private const double RzSeconds = -0.8421;

    /// <summary>Creates the converter; it holds no state and may be shared.</summary>
    public HelmertGridConverter()
    {
    }

    /// <inheritdoc />
    public BngCoordinate ToBng(Wgs84Coordinate point)
    {
        GridMath.RequireInGridArea(point);
        var (x, y, z) = GridMath.ToCartesian(GridMath.ToRadians(point.Latitude), GridMath.ToRadians(point.Longitude), GridMath.Grs80A, GridMath.Grs80B);
        var (x2, y2, z2) = Transform(x, y, z, 1);
        var (phi, lambda) = GridMath.FromCartesian(x2, y2, z2, GridMath.AiryA, GridMath.AiryB);
        var (e, n) = GridMath.Project(phi, lambda, GridMath.AiryA, GridMath.AiryB);
        return new BngCoordinate(e, n);
    }

    /// <inheritdoc />
    public Wgs84Coordinate ToWgs84(BngCoordinate point)
    {
        GridMath.RequireValid(point);
        var (phi, lambda) = GridMath.Unproject(point.Easting, point.Northing, GridMath.AiryA, GridMath.AiryB);
        var (x, y, z) = GridMath.ToCartesian(phi, lambda, GridMath.AiryA, GridMath.AiryB);
        var (x2, y2, z2) = Transform(x, y, z, -1);
        var (phi2, lambda2) = GridMath.FromCartesian(x2, y2, z2, GridMath.Grs80A, GridMath.Grs80B);
        return new Wgs84Coordinate(GridMath.ToDegrees(phi2), GridMath.ToDegrees(lambda2));
    }

    private static (double X, double Y, double Z) Transform(double x, double y, double z, int direction)
    {
        // The reverse direction negates every parameter, the OS's stated approximation (error well under the transform's own).
        const double secondsToRadians = Math.PI / (180.0 * 3600.0);
        var s = 1 + (direction * ScalePpm * 1e-6);
        var rx = direction * RxSeconds * secondsToRadians;
        var ry = direction * RySeconds * secondsToRadians;
        var rz = direction * RzSeconds * secondsToRadians;
        return (
            (direction * Tx) + (x * s) - (y * rz) + (z * ry),
            (direction * Ty) + (x * rz) + (y * s) - (z * rx),
            (direction * Tz) - (x * ry) + (y * rx) + (z * s));
    }
}
