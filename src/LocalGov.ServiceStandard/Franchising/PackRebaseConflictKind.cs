using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Why a recorded pack edit conflicts with a change upstream. The JSON names match <see cref="RebaseConflictKind"/>'s where the meaning is the same.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PackRebaseConflictKind>))]
public enum PackRebaseConflictKind
{
    /// <summary>Both sides changed the same thing: a material's Markdown or title, or a session's agenda.</summary>
    [JsonStringEnumMemberName("both-changed")]
    BothChanged,

    /// <summary>Upstream removed the session or material the edit touches.</summary>
    [JsonStringEnumMemberName("removed-upstream")]
    RemovedUpstream,

    /// <summary>The edit removes a session or material upstream changed.</summary>
    [JsonStringEnumMemberName("removed-here-changed-upstream")]
    RemovedHereChangedUpstream,

    /// <summary>Upstream added a session or material with the id the edit adds.</summary>
    [JsonStringEnumMemberName("added-upstream")]
    AddedUpstream,

    /// <summary>Upstream removed the session the edit places a session after.</summary>
    [JsonStringEnumMemberName("anchor-removed-upstream")]
    AnchorRemovedUpstream,

    /// <summary>The edit cannot be applied to the new parent at all (what it names is missing there, or already exists), for example because an earlier edit it builds on conflicted.</summary>
    [JsonStringEnumMemberName("no-longer-applies")]
    NoLongerApplies,
}
