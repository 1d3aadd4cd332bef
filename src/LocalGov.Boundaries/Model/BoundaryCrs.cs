namespace LocalGov.Boundaries;

/// <summary>The coordinate reference systems boundaries and queries can be in.</summary>
public enum BoundaryCrs
{
    /// <summary>Not known yet (only seen before detection).</summary>
    Unknown = 0,

    /// <summary>British National Grid, EPSG:27700: easting (x) and northing (y) in metres.</summary>
    BritishNationalGrid = 27700,

    /// <summary>WGS84, EPSG:4326: longitude (x) and latitude (y) in degrees.</summary>
    Wgs84 = 4326,
}
