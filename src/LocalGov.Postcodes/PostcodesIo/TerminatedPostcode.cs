using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>A postcode that is no longer in use, and when it stopped.</summary>
public sealed record TerminatedPostcode
{
    /// <summary>The terminated postcode.</summary>
    [JsonPropertyName("postcode")]
    public string Postcode { get; init; } = string.Empty;

    /// <summary>Year of termination.</summary>
    [JsonPropertyName("year_terminated")]
    public int YearTerminated { get; init; }

    /// <summary>Month of termination (1–12).</summary>
    [JsonPropertyName("month_terminated")]
    public int MonthTerminated { get; init; }

    /// <summary>WGS84 longitude of its last position.</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; init; }

    /// <summary>WGS84 latitude of its last position.</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; init; }
}
