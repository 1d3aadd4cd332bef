namespace LocalGov.ModernGov;

/// <summary>An election and its results, from <c>GetElectionResults</c>.</summary>
public sealed record ModernGovElectionResult
{
    /// <summary>The election id the server returned (<c>electionid</c>; may differ from the id asked for).</summary>
    public long? Id { get; init; }

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>The type (<c>electiontype</c>, such as Local).</summary>
    public string? ElectionType { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>A link given by the council (<c>externallink</c>).</summary>
    public string? ExternalLink { get; init; }

    /// <summary>The stated number of candidates (<c>candidatecount</c>, padding trimmed).</summary>
    public int? CandidateCount { get; init; }

    /// <summary>The population.</summary>
    public long? Population { get; init; }

    /// <summary>The electorate.</summary>
    public long? Electorate { get; init; }

    /// <summary>Ballot papers issued (<c>numballotpapersissued</c>).</summary>
    public long? BallotPapersIssued { get; init; }

    /// <summary>Proxy votes (<c>numproxyvotes</c>).</summary>
    public long? ProxyVotes { get; init; }

    /// <summary>A comment.</summary>
    public string? Comment { get; init; }

    /// <summary>Where the result is shown (<c>visiblity</c>, misspelt by the server).</summary>
    public string? Visibility { get; init; }

    /// <summary>The candidates (<c>candidates/candidate</c>).</summary>
    public IReadOnlyList<ModernGovCandidate> Candidates { get; init; } = [];

    /// <summary>The areas (<c>electionareas/electionarea</c>).</summary>
    public IReadOnlyList<ModernGovElectionArea> Areas { get; init; } = [];

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
