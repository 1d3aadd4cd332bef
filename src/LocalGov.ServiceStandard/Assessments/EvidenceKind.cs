using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>What an evidence item is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvidenceKind>))]
public enum EvidenceKind
{
    /// <summary>A link (prototype, design history entry, analytics dashboard, repository).</summary>
    [JsonStringEnumMemberName("link")]
    Link,

    /// <summary>A note written by the team or the panel.</summary>
    [JsonStringEnumMemberName("note")]
    Note,

    /// <summary>A document referred to by its reference (e.g. "DPIA v2"), with its date.</summary>
    [JsonStringEnumMemberName("document")]
    Document,
}
