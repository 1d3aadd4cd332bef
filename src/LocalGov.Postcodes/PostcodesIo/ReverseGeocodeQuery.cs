using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>One point of a bulk reverse geocode, with optional per-point limits.</summary>
public sealed record ReverseGeocodeQuery
{
    /// <summary>WGS84 longitude.</summary>
    [JsonPropertyName("longitude")]
    public double Longitude { get; init; }

    /// <summary>WGS84 latitude.</summary>
    [JsonPropertyName("latitude")]
    public double Latitude { get; init; }

    /// <summary>Maximum postcodes (server default 10, max 100).</summary>
    [JsonPropertyName("limit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Limit { get; init; }

    /// <summary>Search radius in metres (server default 100, max 2000).</summary>
    [JsonPropertyName("radius")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Radius { get; init; }

    /// <summary>Search up to 20 km (limit capped at 10).</summary>
    [JsonPropertyName("widesearch")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? WideSearch { get; init; }
}
