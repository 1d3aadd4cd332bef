using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>A postcode from the Scottish Postcode Directory.</summary>
public sealed record ScottishPostcode
{
    /// <summary>The postcode.</summary>
    [JsonPropertyName("postcode")]
    public string Postcode { get; init; } = string.Empty;

    /// <summary>Scottish Parliament constituency name.</summary>
    [JsonPropertyName("scottish_parliamentary_constituency")]
    public string? ScottishParliamentaryConstituency { get; init; }

    /// <summary>Its codes.</summary>
    [JsonPropertyName("codes")]
    public ScottishPostcodeCodes? Codes { get; init; }
}
