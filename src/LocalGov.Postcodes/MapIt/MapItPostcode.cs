using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.MapIt;

/// <summary>A MapIt postcode: its position and (for a full postcode) the areas containing it.</summary>
public sealed record MapItPostcode
{
    /// <summary>The postcode as MapIt prints it.</summary>
    [JsonPropertyName("postcode")]
    public string Postcode { get; init; } = string.Empty;

    /// <summary>WGS84 latitude.</summary>
    [JsonPropertyName("wgs84_lat")]
    public double? Wgs84Latitude { get; init; }

    /// <summary>WGS84 longitude.</summary>
    [JsonPropertyName("wgs84_lon")]
    public double? Wgs84Longitude { get; init; }

    /// <summary>Grid of <see cref="Easting"/>/<see cref="Northing"/>: <c>G</c> British National Grid, <c>I</c> Irish Grid.</summary>
    [JsonPropertyName("coordsyst")]
    public string? CoordinateSystem { get; init; }

    /// <summary>Easting in metres on <see cref="CoordinateSystem"/>.</summary>
    [JsonPropertyName("easting")]
    public double? Easting { get; init; }

    /// <summary>Northing in metres on <see cref="CoordinateSystem"/>.</summary>
    [JsonPropertyName("northing")]
    public double? Northing { get; init; }

    /// <summary>The areas containing the postcode, by MapIt id; null for partial postcodes and nearest results.</summary>
    [JsonPropertyName("areas")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<int, MapItArea>? Areas { get; init; }

    /// <summary>Shortcuts to key areas (<c>council</c>, <c>ward</c>, <c>WMC</c>).</summary>
    [JsonPropertyName("shortcuts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, MapItShortcut>? Shortcuts { get; init; }

    /// <summary>Distance in metres from the query point (nearest-postcode results only).</summary>
    [JsonPropertyName("distance")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Distance { get; init; }
}
