namespace LocalGov.Postcodes.Grid;

/// <summary>
/// Ellipsoid and Transverse Mercator formulae of the OS guide "A guide to coordinate systems in Great Britain"
/// (National Grid projection parameters), shared by the Helmert and OSTN15 converters.
/// </summary>
internal static class GridMath
{
    public const double AiryA = 6377563.396;
    public const double AiryB = 6356256.909;
    public const double Grs80A = 6378137.000;
    public const double Grs80B = 6356752.3141;

    private const double F0 = 0.9996012717;
    private const double Lat0 = 49.0 * Math.PI / 180.0;
    private const double Lon0 = -2.0 * Math.PI / 180.0;
    private const double E0 = 400000.0;
    private const double N0 = -100000.0;

    // The area the National Grid is defined for, with a margin: offshore islands from the Scillies to Shetland.
    public const double MinLatitude = 49.0;
    public const double MaxLatitude = 62.0;
    public const double MinLongitude = -10.0;
    public const double MaxLongitude = 3.0;
    public const double MinEasting = 0.0;
    public const double MaxEasting = 700000.0;
    public const double MinNorthing = 0.0;
    public const double MaxNorthing = 1300000.0;

    public static void RequireValid(Wgs84Coordinate point)
    {
        if (!double.IsFinite(point.Latitude) || !double.IsFinite(point.Longitude))
        {
            throw new ArgumentException($"The WGS84 coordinate ({point.Latitude}, {point.Longitude}) is not finite.", nameof(point));
        }

        if (point.Latitude is < -90 or > 90 || point.Longitude is < -180 or > 180)
        {
            throw new ArgumentException($"The WGS84 coordinate ({point.Latitude}, {point.Longitude}) is out of range: latitude must be within ±90 and longitude within ±180.", nameof(point));
        }
    }

    public static void RequireValid(BngCoordinate point)
    {
        if (!double.IsFinite(point.Easting) || !double.IsFinite(point.Northing))
        {
            throw new ArgumentException($"The grid coordinate ({point.Easting}, {point.Northing}) is not finite.", nameof(point));
        }

        if (point.Easting is < MinEasting or > MaxEasting || point.Northing is < MinNorthing or > MaxNorthing)
        {
            throw new ArgumentException($"The grid coordinate ({point.Easting}, {point.Northing}) is outside the British National Grid (easting 0–700000 m, northing 0–1300000 m).", nameof(point));
        }
    }

    public static void RequireInGridArea(Wgs84Coordinate point)
    {
        RequireValid(point);
        if (point.Latitude is < MinLatitude or > MaxLatitude || point.Longitude is < MinLongitude or > MaxLongitude)
        {
            throw new ArgumentException(
                $"The WGS84 coordinate ({point.Latitude}, {point.Longitude}) is outside the area the British National Grid covers (latitude {MinLatitude}–{MaxLatitude}, longitude {MinLongitude}–{MaxLongitude}).",
                nameof(point));
        }
    }

    public static double ToRadians(double degrees) => degrees * Math.PI / 180.0;

    public static double ToDegrees(double radians) => radians * 180.0 / Math.PI;

    /// <summary>Latitude/longitude (radians) on an ellipsoid to National Grid easting/northing.</summary>
    public static (double Easting, double Northing) Project(double phi, double lambda, double a, double b)
    {
        var e2 = ((a * a) - (b * b)) / (a * a);
        var sinPhi = Math.Sin(phi);
        var cosPhi = Math.Cos(phi);
        var tanPhi = Math.Tan(phi);
        var nu = a * F0 / Math.Sqrt(1 - (e2 * sinPhi * sinPhi));
        var rho = a * F0 * (1 - e2) / Math.Pow(1 - (e2 * sinPhi * sinPhi), 1.5);
        var eta2 = (nu / rho) - 1;
        var m = Meridional(phi, a, b);
        var tan2 = tanPhi * tanPhi;
        var tan4 = tan2 * tan2;
        var cos3 = cosPhi * cosPhi * cosPhi;
        var cos5 = cos3 * cosPhi * cosPhi;

        var i = m + N0;
        var ii = nu / 2 * sinPhi * cosPhi;
        var iii = nu / 24 * sinPhi * cos3 * (5 - tan2 + (9 * eta2));
        var iiia = nu / 720 * sinPhi * cos5 * (61 - (58 * tan2) + tan4);
        var iv = nu * cosPhi;
        var v = nu / 6 * cos3 * ((nu / rho) - tan2);
        var vi = nu / 120 * cos5 * (5 - (18 * tan2) + tan4 + (14 * eta2) - (58 * tan2 * eta2));

        var dl = lambda - Lon0;
        var dl2 = dl * dl;
        var northing = i + (ii * dl2) + (iii * dl2 * dl2) + (iiia * dl2 * dl2 * dl2);
        var easting = E0 + (iv * dl) + (v * dl2 * dl) + (vi * dl2 * dl2 * dl);
        return (easting, northing);
    }

    /// <summary>National Grid easting/northing to latitude/longitude (radians) on an ellipsoid.</summary>
    public static (double Phi, double Lambda) Unproject(double easting, double northing, double a, double b)
    {
        var e2 = ((a * a) - (b * b)) / (a * a);
        var phi = Lat0;
        var m = 0.0;
        for (var k = 0; k < 100; k++)
        {
            phi += (northing - N0 - m) / (a * F0);
            m = Meridional(phi, a, b);
            if (Math.Abs(northing - N0 - m) < 1e-5)
            {
                break;
            }
        }

        var sinPhi = Math.Sin(phi);
        var cosPhi = Math.Cos(phi);
        var tanPhi = Math.Tan(phi);
        var nu = a * F0 / Math.Sqrt(1 - (e2 * sinPhi * sinPhi));
        var rho = a * F0 * (1 - e2) / Math.Pow(1 - (e2 * sinPhi * sinPhi), 1.5);
        var eta2 = (nu / rho) - 1;
        var tan2 = tanPhi * tanPhi;
        var tan4 = tan2 * tan2;
        var tan6 = tan4 * tan2;
        var sec = 1 / cosPhi;
        var nu3 = nu * nu * nu;
        var nu5 = nu3 * nu * nu;
        var nu7 = nu5 * nu * nu;

        var vii = tanPhi / (2 * rho * nu);
        var viii = tanPhi / (24 * rho * nu3) * (5 + (3 * tan2) + eta2 - (9 * tan2 * eta2));
        var ix = tanPhi / (720 * rho * nu5) * (61 + (90 * tan2) + (45 * tan4));
        var x = sec / nu;
        var xi = sec / (6 * nu3) * ((nu / rho) + (2 * tan2));
        var xii = sec / (120 * nu5) * (5 + (28 * tan2) + (24 * tan4));
        var xiia = sec / (5040 * nu7) * (61 + (662 * tan2) + (1320 * tan4) + (720 * tan6));

        var de = easting - E0;
        var de2 = de * de;
        var latitude = phi - (vii * de2) + (viii * de2 * de2) - (ix * de2 * de2 * de2);
        var longitude = Lon0 + (x * de) - (xi * de2 * de) + (xii * de2 * de2 * de) - (xiia * de2 * de2 * de2 * de);
        return (latitude, longitude);
    }

    private static double Meridional(double phi, double a, double b)
    {
        var n = (a - b) / (a + b);
        var n2 = n * n;
        var n3 = n2 * n;
        var dp = phi - Lat0;
        var sp = phi + Lat0;
        return b * F0 * (
            ((1 + n + (5.0 / 4 * n2) + (5.0 / 4 * n3)) * dp)
            - (((3 * n) + (3 * n2) + (21.0 / 8 * n3)) * Math.Sin(dp) * Math.Cos(sp))
            + (((15.0 / 8 * n2) + (15.0 / 8 * n3)) * Math.Sin(2 * dp) * Math.Cos(2 * sp))
            - (35.0 / 24 * n3 * Math.Sin(3 * dp) * Math.Cos(3 * sp)));
    }

    /// <summary>Geodetic latitude/longitude (radians, height 0) to earth-centred cartesian metres.</summary>
    public static (double X, double Y, double Z) ToCartesian(double phi, double lambda, double a, double b)
    {
        var e2 = ((a * a) - (b * b)) / (a * a);
        var sinPhi = Math.Sin(phi);
        var nu = a / Math.Sqrt(1 - (e2 * sinPhi * sinPhi));
        var cosPhi = Math.Cos(phi);
        return (nu * cosPhi * Math.Cos(lambda), nu * cosPhi * Math.Sin(lambda), (1 - e2) * nu * sinPhi);
    }

    /// <summary>Earth-centred cartesian metres to geodetic latitude/longitude (radians).</summary>
    public static (double Phi, double Lambda) FromCartesian(double x, double y, double z, double a, double b)
    {
        var e2 = ((a * a) - (b * b)) / (a * a);
        var p = Math.Sqrt((x * x) + (y * y));
        var phi = Math.Atan2(z, p * (1 - e2));
        for (var k = 0; k < 20; k++)
        {
            var sinPhi = Math.Sin(phi);
            var nu = a / Math.Sqrt(1 - (e2 * sinPhi * sinPhi));
            var next = Math.Atan2(z + (e2 * nu * sinPhi), p);
            if (Math.Abs(next - phi) < 1e-13)
            {
                phi = next;
                break;
            }

            phi = next;
        }

        return (phi, Math.Atan2(y, x));
    }
}
