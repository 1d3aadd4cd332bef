namespace LocalGov.ServiceStandard.Assessments;

/// <summary>The service team's response to a finalised assessment: it accepts the outcome or challenges points of it.</summary>
public sealed record ServiceTeamResponse
{
    /// <summary>The day the team responded.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Accept or challenge.</summary>
    public required ResponseKind Kind { get; init; }

    /// <summary>Who responded for the team, when recorded.</summary>
    public string? RespondedBy { get; init; }

    /// <summary>The points challenged with the team's reasons; empty when the team accepts.</summary>
    public IReadOnlyList<PointChallenge> Challenges { get; init => field = value ?? []; } = [];

    /// <summary>Anything else the team said.</summary>
    public string? Comment { get; init; }
}
