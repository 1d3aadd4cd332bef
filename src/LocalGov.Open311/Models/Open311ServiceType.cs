using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>What a submission to a service answers (GeoReport v2 <c>type</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Open311ServiceType>))]
public enum Open311ServiceType
{
    /// <summary>The server sent a value this client does not know, or none.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>The <c>service_request_id</c> comes back at once.</summary>
    [JsonStringEnumMemberName("realtime")]
    Realtime,

    /// <summary>A <c>token</c> comes back; <c>GET tokens/{token}</c> gives the id later.</summary>
    [JsonStringEnumMemberName("batch")]
    Batch,

    /// <summary>Nothing identifies the request afterwards.</summary>
    [JsonStringEnumMemberName("blackbox")]
    Blackbox,
}
