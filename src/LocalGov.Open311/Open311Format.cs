namespace LocalGov.Open311;

/// <summary>The response format asked for: GeoReport v2 names it as the extension of every resource (<c>services.json</c>, <c>services.xml</c>).</summary>
public enum Open311Format
{
    /// <summary><c>.json</c> (the default).</summary>
    Json,

    /// <summary><c>.xml</c>, the format every GeoReport v2 server must offer.</summary>
    Xml,
}
