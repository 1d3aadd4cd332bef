using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.MapIt;

/// <summary>Summary of an area's geometry (<c>/area/{id}/geometry</c>): extent, centre and size.</summary>
public sealed record MapItGeometryInfo
{
    /// <summary>Number of polygons.</summary>
    [JsonPropertyName("parts")]
    public int? Parts { get; init; }

    /// <summary>SRID of the <c>_e</c>/<c>_n</c> values (27700 in Great Britain).</summary>
    [JsonPropertyName("srid_en")]
    public int? SridEn { get; init; }

    /// <summary>Area in square metres.</summary>
    [JsonPropertyName("area")]
    public double? Area { get; init; }

    /// <summary>Minimum easting.</summary>
    [JsonPropertyName("min_e")]
    public double? MinEasting { get; init; }

    /// <summary>Minimum northing.</summary>
    [JsonPropertyName("min_n")]
    public double? MinNorthing { get; init; }

    /// <summary>Maximum easting.</summary>
    [JsonPropertyName("max_e")]
    public double? MaxEasting { get; init; }

    /// <summary>Maximum northing.</summary>
    [JsonPropertyName("max_n")]
    public double? MaxNorthing { get; init; }

    /// <summary>Centroid easting.</summary>
    [JsonPropertyName("centre_e")]
    public double? CentreEasting { get; init; }

    /// <summary>Centroid northing.</summary>
    [JsonPropertyName("centre_n")]
    public double? CentreNorthing { get; init; }

    /// <summary>Minimum longitude.</summary>
    [JsonPropertyName("min_lon")]
    public double? MinLongitude { get; init; }

    /// <summary>Minimum latitude.</summary>
    [JsonPropertyName("min_lat")]
    public double? MinLatitude { get; init; }

    /// <summary>Maximum longitude.</summary>
    [JsonPropertyName("max_lon")]
    public double? MaxLongitude { get; init; }

    /// <summary>Maximum latitude.</summary>
    [JsonPropertyName("max_lat")]
    public double? MaxLatitude { get; init; }

    /// <summary>Centroid longitude.</summary>
    [JsonPropertyName("centre_lon")]
    public double? CentreLongitude { get; init; }

    /// <summary>Centroid latitude.</summary>
    [JsonPropertyName("centre_lat")]
    public double? CentreLatitude { get; init; }
}
