using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>How the service team answered a finalised assessment.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponseKind>))]
public enum ResponseKind
{
    /// <summary>The team accepts the outcome.</summary>
    [JsonStringEnumMemberName("accept")]
    Accept,

    /// <summary>The team challenges the outcome of one or more points.</summary>
    [JsonStringEnumMemberName("challenge")]
    Challenge,
}
