using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>Where a standard version is in its life.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StandardStatus>))]
public enum StandardStatus
{
    /// <summary>Proposed or consulted on; not in force.</summary>
    [JsonStringEnumMemberName("draft")]
    Draft,

    /// <summary>In force.</summary>
    [JsonStringEnumMemberName("current")]
    Current,

    /// <summary>Replaced by another version or standard (see <see cref="StandardVersion.SupersededBy"/>).</summary>
    [JsonStringEnumMemberName("superseded")]
    Superseded,
}
