using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>A service request's <c>status</c> as the spec defines it, for filtering <c>GET requests</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Open311RequestStatus>))]
public enum Open311RequestStatus
{
    /// <summary><c>open</c>: reported, not yet resolved.</summary>
    [JsonStringEnumMemberName("open")]
    Open,

    /// <summary><c>closed</c>: resolved.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,
}
