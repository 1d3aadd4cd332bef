namespace LocalGov.Postcodes.Grid;

/// <summary>Converts coordinates between the British National Grid (OSGB36, EPSG:27700) and WGS84 (EPSG:4326).</summary>
public interface IGridConverter
{
    /// <summary>Converts a WGS84 latitude/longitude to British National Grid easting/northing in metres.</summary>
    /// <param name="point">The WGS84 coordinate.</param>
    /// <returns>The grid coordinate.</returns>
    /// <exception cref="ArgumentException">The coordinate is NaN, infinite or out of range.</exception>
    BngCoordinate ToBng(Wgs84Coordinate point);

    /// <summary>Converts a British National Grid easting/northing in metres to WGS84 latitude/longitude.</summary>
    /// <param name="point">The grid coordinate.</param>
    /// <returns>The WGS84 coordinate.</returns>
    /// <exception cref="ArgumentException">The coordinate is NaN, infinite or out of range.</exception>
    Wgs84Coordinate ToWgs84(BngCoordinate point);
}
