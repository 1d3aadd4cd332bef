using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>One attribute of a service definition: an extra question the service asks.</summary>
public sealed record Open311AttributeDefinition
{
    /// <summary>The <c>code</c>, sent as <c>attribute[CODE]</c>.</summary>
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    /// <summary>The <c>variable</c> flag: false for an attribute that only informs the user and takes no value.</summary>
    [JsonPropertyName("variable")]
    public bool Variable { get; init; } = true;

    /// <summary>The <c>datatype</c>.</summary>
    [JsonPropertyName("datatype")]
    public Open311AttributeDatatype Datatype { get; init; }

    /// <summary>The <c>datatype</c> exactly as the server wrote it (useful when <see cref="Datatype"/> is <see cref="Open311AttributeDatatype.Unknown"/>).</summary>
    [JsonIgnore]
    public string? DatatypeName { get; init; }

    /// <summary>The <c>required</c> flag.</summary>
    [JsonPropertyName("required")]
    public bool Required { get; init; }

    /// <summary>The <c>datatype_description</c>, or null.</summary>
    [JsonPropertyName("datatype_description")]
    public string? DatatypeDescription { get; init; }

    /// <summary>The <c>order</c> to show it in (1 first), or null when the server gave none.</summary>
    [JsonPropertyName("order")]
    public int? Order { get; init; }

    /// <summary>The <c>description</c>: the question put to the user.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The <c>values</c> of a list attribute; empty otherwise.</summary>
    [JsonPropertyName("values")]
    public IReadOnlyList<Open311AttributeValue> Values { get; init; } = [];
}
