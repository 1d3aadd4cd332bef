using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>How a point differs between two versions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PointChangeKind>))]
public enum PointChangeKind
{
    /// <summary>Same title, text and position.</summary>
    [JsonStringEnumMemberName("unchanged")]
    Unchanged,

    /// <summary>Only in the newer version.</summary>
    [JsonStringEnumMemberName("added")]
    Added,

    /// <summary>Only in the older version.</summary>
    [JsonStringEnumMemberName("removed")]
    Removed,

    /// <summary>In both, with a different title or text (and possibly moved).</summary>
    [JsonStringEnumMemberName("reworded")]
    Reworded,

    /// <summary>In both with the same wording, at a different number.</summary>
    [JsonStringEnumMemberName("moved")]
    Moved,
}
