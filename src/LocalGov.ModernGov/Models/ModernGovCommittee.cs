namespace LocalGov.ModernGov;

/// <summary>A committee, from <c>GetCommittees</c> or <c>GetCommitteesByUser</c>.</summary>
public sealed record ModernGovCommittee
{
    /// <summary>The committee id (<c>committeeid</c>), the <c>committee</c> argument of the meeting operations.</summary>
    public long? Id { get; init; }

    /// <summary>The committee name (<c>committeetitle</c>).</summary>
    public string? Title { get; init; }

    /// <summary>Whether the committee is deleted (<c>committeedeleted</c>).</summary>
    public bool? IsDeleted { get; init; }

    /// <summary>Whether the committee no longer meets (<c>committeeexpired</c>).</summary>
    public bool? IsExpired { get; init; }

    /// <summary>The committee category (<c>committeecategory</c>).</summary>
    public string? Category { get; init; }

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
