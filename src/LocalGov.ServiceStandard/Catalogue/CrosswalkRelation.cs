using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>How a point of one standard relates to a point of another (SKOS-like).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CrosswalkRelation>))]
public enum CrosswalkRelation
{
    /// <summary>The same requirement, possibly reworded.</summary>
    [JsonStringEnumMemberName("exact")]
    Exact,

    /// <summary>Substantially the same scope.</summary>
    [JsonStringEnumMemberName("close")]
    Close,

    /// <summary>Overlapping scope: one covers part of the other.</summary>
    [JsonStringEnumMemberName("partial")]
    Partial,

    /// <summary>The source point was carried into the target (lineage, e.g. a point merged or reworded when the standard was revised).</summary>
    [JsonStringEnumMemberName("lineage")]
    Lineage,

    /// <summary>No counterpart.</summary>
    [JsonStringEnumMemberName("none")]
    None,
}
