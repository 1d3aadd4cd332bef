using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>The kind of value an attribute takes (GeoReport v2 <c>datatype</c>).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The members are the spec's datatype names.")]
[JsonConverter(typeof(JsonStringEnumConverter<Open311AttributeDatatype>))]
public enum Open311AttributeDatatype
{
    /// <summary>The server sent a value this client does not know, or none.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary><c>string</c>: one line of text.</summary>
    [JsonStringEnumMemberName("string")]
    String,

    /// <summary><c>number</c>.</summary>
    [JsonStringEnumMemberName("number")]
    Number,

    /// <summary><c>datetime</c>: an ISO 8601 date and time.</summary>
    [JsonStringEnumMemberName("datetime")]
    DateTime,

    /// <summary><c>text</c>: text that may have line breaks.</summary>
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary><c>singlevaluelist</c>: one key of <see cref="Open311AttributeDefinition.Values"/>.</summary>
    [JsonStringEnumMemberName("singlevaluelist")]
    SingleValueList,

    /// <summary><c>multivaluelist</c>: one or more keys of <see cref="Open311AttributeDefinition.Values"/>.</summary>
    [JsonStringEnumMemberName("multivaluelist")]
    MultiValueList,
}
