namespace LocalGov.ModernGov;

/// <summary>A candidate in an election.</summary>
public sealed record ModernGovCandidate
{
    /// <summary>The candidate (<c>candidatename</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The area tag (<c>areatagid</c>).</summary>
    public long? AreaTagId { get; init; }

    /// <summary>The area (<c>electionareaid</c>).</summary>
    public long? ElectionAreaId { get; init; }

    /// <summary>The area name (<c>areatitle</c>).</summary>
    public string? AreaTitle { get; init; }

    /// <summary>Votes (<c>numvotes</c>).</summary>
    public long? Votes { get; init; }

    /// <summary>Second-preference or second-round votes (<c>numvotes2</c>).</summary>
    public long? Votes2 { get; init; }

    /// <summary>The party tag (<c>politicalpartytagid</c>).</summary>
    public long? PartyTagId { get; init; }

    /// <summary>The party (<c>politicalpartytitle</c>).</summary>
    public string? Party { get; init; }

    /// <summary>The party colour name (<c>politicalpartycolour</c>).</summary>
    public string? PartyColour { get; init; }

    /// <summary>When the votes were recorded (<c>votedatetime</c>, UK local time).</summary>
    public DateTime? VoteDateTime { get; init; }

    /// <summary>Whether elected (<c>iselected</c>).</summary>
    public bool? IsElected { get; init; }

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
