using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>A place from OS Open Names (city, town, village, hamlet…).</summary>
public sealed record Place
{
    /// <summary>The place code, e.g. <c>osgb4000000074562649</c>.</summary>
    [JsonPropertyName("code")]
    public string Code { get; init; } = string.Empty;

    /// <summary>Name.</summary>
    [JsonPropertyName("name_1")]
    public string? Name1 { get; init; }

    /// <summary>Language of <see cref="Name1"/> (e.g. <c>eng</c>, <c>cym</c>), when bilingual.</summary>
    [JsonPropertyName("name_1_lang")]
    public string? Name1Lang { get; init; }

    /// <summary>Second-language name.</summary>
    [JsonPropertyName("name_2")]
    public string? Name2 { get; init; }

    /// <summary>Language of <see cref="Name2"/>.</summary>
    [JsonPropertyName("name_2_lang")]
    public string? Name2Lang { get; init; }

    /// <summary>Type, e.g. <c>Village</c>.</summary>
    [JsonPropertyName("local_type")]
    public string? LocalType { get; init; }

    /// <summary>Outward code.</summary>
    [JsonPropertyName("outcode")]
    public string? Outcode { get; init; }

    /// <summary>County or unitary authority name.</summary>
    [JsonPropertyName("county_unitary")]
    public string? CountyUnitary { get; init; }

    /// <summary>Its type.</summary>
    [JsonPropertyName("county_unitary_type")]
    public string? CountyUnitaryType { get; init; }

    /// <summary>District or borough name.</summary>
    [JsonPropertyName("district_borough")]
    public string? DistrictBorough { get; init; }

    /// <summary>Its type.</summary>
    [JsonPropertyName("district_borough_type")]
    public string? DistrictBoroughType { get; init; }

    /// <summary>Region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>Country.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>WGS84 longitude.</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; init; }

    /// <summary>WGS84 latitude.</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; init; }

    /// <summary>BNG easting.</summary>
    [JsonPropertyName("eastings")]
    public int? Eastings { get; init; }

    /// <summary>BNG northing.</summary>
    [JsonPropertyName("northings")]
    public int? Northings { get; init; }

    /// <summary>Bounding box minimum easting.</summary>
    [JsonPropertyName("min_eastings")]
    public int? MinEastings { get; init; }

    /// <summary>Bounding box minimum northing.</summary>
    [JsonPropertyName("min_northings")]
    public int? MinNorthings { get; init; }

    /// <summary>Bounding box maximum easting.</summary>
    [JsonPropertyName("max_eastings")]
    public int? MaxEastings { get; init; }

    /// <summary>Bounding box maximum northing.</summary>
    [JsonPropertyName("max_northings")]
    public int? MaxNorthings { get; init; }
}
