using LocalGov.ServiceStandard.Franchising;

namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>One version of a standard: its metadata, status, lineage, attribution and points.</summary>
public sealed record StandardVersion
{
    /// <summary>The standard's stable id, shared by all its versions, e.g. <c>lgdss</c>.</summary>
    public required string StandardId { get; init; }

    /// <summary>The version's stable id, e.g. <c>2016-04-07</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The standard's title.</summary>
    public required string Title { get; init; }

    /// <summary>Who publishes it.</summary>
    public string? Publisher { get; init; }

    /// <summary>What shape its items have.</summary>
    public StandardKind Kind { get; init; } = StandardKind.Points;

    /// <summary>Draft, current or superseded.</summary>
    public required StandardStatus Status { get; init; }

    /// <summary>When this version was published or came into force (ISO 8601, possibly only year-month).</summary>
    public string? Published { get; init; }

    /// <summary>A short description (purpose, scope, aims).</summary>
    public string? Description { get; init; }

    /// <summary>Whether meeting the standard is mandatory for its audience, when known.</summary>
    public bool? Mandatory { get; init; }

    /// <summary>The version this one replaced, if any.</summary>
    public StandardReference? Supersedes { get; init; }

    /// <summary>The version (possibly of another standard) that replaced this one, if any.</summary>
    public StandardReference? SupersededBy { get; init; }

    /// <summary>The parent this version was derived from and the recorded edits, for derived standards.</summary>
    public Derivation? DerivedFrom { get; init; }

    /// <summary>Licence, attribution statement and sources.</summary>
    public required Attribution Attribution { get; init; }

    /// <summary>Named groups of points, when the standard has them.</summary>
    public IReadOnlyList<StandardSection> Sections { get; init => field = value ?? []; } = [];

    /// <summary>Notes on the version: history, confidence, what is not known.</summary>
    public IReadOnlyList<string> Notes { get; init => field = value ?? []; } = [];

    /// <summary>The points, in order.</summary>
    public required IReadOnlyList<StandardPoint> Points { get; init; }

    /// <summary>This version as a reference.</summary>
    public StandardReference Reference => new(StandardId, Version);

    /// <summary>Finds a point by its number.</summary>
    /// <param name="number">The point number.</param>
    /// <returns>The point, or null.</returns>
    public StandardPoint? FindPoint(int number) => Points.FirstOrDefault(p => p.Number == number);

    /// <summary>Finds a point by its stable id.</summary>
    /// <param name="pointId">The point id.</param>
    /// <returns>The point, or null.</returns>
    public StandardPoint? FindPoint(string pointId) => Points.FirstOrDefault(p => string.Equals(p.Id, pointId, StringComparison.Ordinal));
}
