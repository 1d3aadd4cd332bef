using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>Codes of a Scottish postcode.</summary>
public sealed record ScottishPostcodeCodes
{
    /// <summary>Scottish Parliament constituency GSS code.</summary>
    [JsonPropertyName("scottish_parliamentary_constituency")]
    public string? ScottishParliamentaryConstituency { get; init; }
}
