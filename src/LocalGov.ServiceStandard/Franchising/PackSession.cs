namespace LocalGov.ServiceStandard.Franchising;

/// <summary>One session of a peer-group pack (e.g. a TeaCamp on one point), with agenda and materials.</summary>
public sealed record PackSession
{
    /// <summary>A stable id, unique within the pack; also its folder name in an exported pack.</summary>
    public required string Id { get; init; }

    /// <summary>The session's title.</summary>
    public required string Title { get; init; }

    /// <summary>The points of the pack's standard the session covers, by point id.</summary>
    public IReadOnlyList<string> PointIds { get; init => field = value ?? []; } = [];

    /// <summary>The agenda.</summary>
    public IReadOnlyList<AgendaItem> Agenda { get; init => field = value ?? []; } = [];

    /// <summary>The materials.</summary>
    public IReadOnlyList<PackMaterial> Materials { get; init => field = value ?? []; } = [];
}
