using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Why a recorded edit conflicts with a change upstream.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RebaseConflictKind>))]
public enum RebaseConflictKind
{
    /// <summary>Both sides reworded the same field of the same point.</summary>
    [JsonStringEnumMemberName("both-reworded")]
    BothReworded,

    /// <summary>Upstream removed a point the edit touches.</summary>
    [JsonStringEnumMemberName("removed-upstream")]
    RemovedUpstream,

    /// <summary>The edit removes a point upstream reworded.</summary>
    [JsonStringEnumMemberName("removed-here-changed-upstream")]
    RemovedHereChangedUpstream,

    /// <summary>Upstream added a point with the id the edit adds.</summary>
    [JsonStringEnumMemberName("added-upstream")]
    AddedUpstream,

    /// <summary>Upstream removed the point the edit places a point after.</summary>
    [JsonStringEnumMemberName("anchor-removed-upstream")]
    AnchorRemovedUpstream,
}
