using NetTopologySuite.Geometries;

namespace LocalGov.Postcodes.Grid;

/// <summary>NetTopologySuite interop: X/Y are easting/northing for BNG and longitude/latitude for WGS84.</summary>
public static class GridCoordinateExtensions
{
    /// <summary>An NTS coordinate with X = easting, Y = northing.</summary>
    /// <param name="point">The grid coordinate.</param>
    /// <returns>The NTS coordinate.</returns>
    public static Coordinate ToCoordinate(this BngCoordinate point) => new(point.Easting, point.Northing);

    /// <summary>An NTS coordinate with X = longitude, Y = latitude (GeoJSON order).</summary>
    /// <param name="point">The WGS84 coordinate.</param>
    /// <returns>The NTS coordinate.</returns>
    public static Coordinate ToCoordinate(this Wgs84Coordinate point) => new(point.Longitude, point.Latitude);

    /// <summary>Reads an NTS coordinate as X = easting, Y = northing.</summary>
    /// <param name="coordinate">The coordinate.</param>
    /// <returns>The grid coordinate.</returns>
    public static BngCoordinate ToBngCoordinate(this Coordinate coordinate)
    {
        ArgumentNullException.ThrowIfNull(coordinate);
        return new BngCoordinate(coordinate.X, coordinate.Y);
    }

    /// <summary>Reads an NTS coordinate as X = longitude, Y = latitude.</summary>
    /// <param name="coordinate">The coordinate.</param>
    /// <returns>The WGS84 coordinate.</returns>
    public static Wgs84Coordinate ToWgs84Coordinate(this Coordinate coordinate)
    {
        ArgumentNullException.ThrowIfNull(coordinate);
        return new Wgs84Coordinate(coordinate.Y, coordinate.X);
    }

    /// <summary>Converts an NTS point-coordinate (X = longitude, Y = latitude) to BNG (X = easting, Y = northing).</summary>
    /// <param name="converter">The converter.</param>
    /// <param name="wgs84">The WGS84 coordinate.</param>
    /// <returns>A new BNG coordinate.</returns>
    public static Coordinate ToBng(this IGridConverter converter, Coordinate wgs84)
    {
        ArgumentNullException.ThrowIfNull(converter);
        return converter.ToBng(wgs84.ToWgs84Coordinate()).ToCoordinate();
    }

    /// <summary>Converts an NTS coordinate (X = easting, Y = northing) to WGS84 (X = longitude, Y = latitude).</summary>
    /// <param name="converter">The converter.</param>
    /// <param name="bng">The BNG coordinate.</param>
    /// <returns>A new WGS84 coordinate.</returns>
    public static Coordinate ToWgs84(this IGridConverter converter, Coordinate bng)
    {
        ArgumentNullException.ThrowIfNull(converter);
        return converter.ToWgs84(bng.ToBngCoordinate()).ToCoordinate();
    }

    /// <summary>A copy of a WGS84 geometry (X = longitude) in BNG metres, SRID 27700.</summary>
    /// <param name="converter">The converter.</param>
    /// <param name="wgs84">The geometry, e.g. a MapIt boundary fetched in SRID 4326.</param>
    /// <returns>The converted copy.</returns>
    public static Geometry ToBng(this IGridConverter converter, Geometry wgs84)
    {
        ArgumentNullException.ThrowIfNull(converter);
        ArgumentNullException.ThrowIfNull(wgs84);
        var copy = wgs84.Copy();
        copy.Apply(new ConvertingFilter(c => converter.ToBng(new Wgs84Coordinate(c.Y, c.X)).ToCoordinate()));
        copy.SRID = 27700;
        return copy;
    }

    /// <summary>A copy of a BNG geometry in WGS84 (X = longitude), SRID 4326.</summary>
    /// <param name="converter">The converter.</param>
    /// <param name="bng">The geometry in metres.</param>
    /// <returns>The converted copy.</returns>
    public static Geometry ToWgs84(this IGridConverter converter, Geometry bng)
    {
        ArgumentNullException.ThrowIfNull(converter);
        ArgumentNullException.ThrowIfNull(bng);
        var copy = bng.Copy();
        copy.Apply(new ConvertingFilter(c => converter.ToWgs84(new BngCoordinate(c.X, c.Y)).ToCoordinate()));
        copy.SRID = 4326;
        return copy;
    }

    private sealed class ConvertingFilter(Func<Coordinate, Coordinate> convert) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var converted = convert(seq.GetCoordinate(i));
                seq.SetX(i, converted.X);
                seq.SetY(i, converted.Y);
            }
        }
    }
}
