namespace LocalGov.ModernGov;

/// <summary>An area (ward, division) within an election.</summary>
public sealed record ModernGovElectionArea
{
    /// <summary>The area id (<c>electionareaid</c>).</summary>
    public long? Id { get; init; }

    /// <summary>The area name.</summary>
    public string? Title { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>A link given by the council.</summary>
    public string? ExternalLink { get; init; }

    /// <summary>The population.</summary>
    public long? Population { get; init; }

    /// <summary>The electorate.</summary>
    public long? Electorate { get; init; }

    /// <summary>Ballot papers issued.</summary>
    public long? BallotPapersIssued { get; init; }

    /// <summary>Proxy votes.</summary>
    public long? ProxyVotes { get; init; }

    /// <summary>Postal votes sent.</summary>
    public long? PostalVotesSent { get; init; }

    /// <summary>Postal votes returned.</summary>
    public long? PostalVotesReturned { get; init; }

    /// <summary>When voting started (<c>startvotedatetime</c>).</summary>
    public DateTime? VotingStart { get; init; }

    /// <summary>When voting ended (<c>endvotedatetime</c>).</summary>
    public DateTime? VotingEnd { get; init; }

    /// <summary>When counting ended (<c>endofcountingdatetime</c>).</summary>
    public DateTime? CountingEnd { get; init; }

    /// <summary>Seats to fill (<c>numseats</c>).</summary>
    public int? Seats { get; init; }

    /// <summary>The result status (<c>status</c>, such as Published).</summary>
    public string? Status { get; init; }

    /// <summary>Rejected ballots by reason (<c>spoiledvotes/spoiledvote</c>).</summary>
    public IReadOnlyList<ModernGovSpoiledVote> SpoiledVotes { get; init; } = [];

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
