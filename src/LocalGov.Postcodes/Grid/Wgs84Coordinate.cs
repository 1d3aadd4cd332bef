namespace LocalGov.Postcodes.Grid;

/// <summary>A WGS84 (EPSG:4326) position in decimal degrees.</summary>
/// <param name="Latitude">Degrees north of the equator (negative south).</param>
/// <param name="Longitude">Degrees east of Greenwich (negative west).</param>
public readonly record struct Wgs84Coordinate(double Latitude, double Longitude);
