namespace LocalGov.ModernGov;

/// <summary>Rejected ballots for one reason.</summary>
public sealed record ModernGovSpoiledVote
{
    /// <summary>The id (<c>voteid</c>).</summary>
    public long? Id { get; init; }

    /// <summary>The reason.</summary>
    public string? Description { get; init; }

    /// <summary>How many (<c>numvotes</c>).</summary>
    public long? Votes { get; init; }

    /// <summary>How many in the second count (<c>numvotes2</c>).</summary>
    public long? Votes2 { get; init; }

    /// <summary>When recorded (<c>updatedatetime</c>, UK local time).</summary>
    public DateTime? UpdatedAt { get; init; }

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
