using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>An outward code: the average position of its postcodes and the distinct areas they fall in.</summary>
public sealed record OutcodeResult
{
    /// <summary>The outward code, e.g. <c>AB10</c>.</summary>
    [JsonPropertyName("outcode")]
    public string Outcode { get; init; } = string.Empty;

    /// <summary>Mean WGS84 longitude; null when none of its postcodes has one.</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; init; }

    /// <summary>Mean WGS84 latitude.</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; init; }

    /// <summary>Mean BNG northing in metres.</summary>
    [JsonPropertyName("northings")]
    public double? Northings { get; init; }

    /// <summary>Mean BNG easting in metres.</summary>
    [JsonPropertyName("eastings")]
    public double? Eastings { get; init; }

    /// <summary>Distinct district names.</summary>
    [JsonPropertyName("admin_district")]
    public IReadOnlyList<string> AdminDistrict { get; init; } = [];

    /// <summary>Distinct parish names.</summary>
    [JsonPropertyName("parish")]
    public IReadOnlyList<string> Parish { get; init; } = [];

    /// <summary>Distinct county names.</summary>
    [JsonPropertyName("admin_county")]
    public IReadOnlyList<string> AdminCounty { get; init; } = [];

    /// <summary>Distinct ward names.</summary>
    [JsonPropertyName("admin_ward")]
    public IReadOnlyList<string> AdminWard { get; init; } = [];

    /// <summary>Distinct country names.</summary>
    [JsonPropertyName("country")]
    public IReadOnlyList<string> Country { get; init; } = [];

    /// <summary>Distinct constituency names.</summary>
    [JsonPropertyName("parliamentary_constituency")]
    public IReadOnlyList<string> ParliamentaryConstituency { get; init; } = [];
}
