namespace LocalGov.ServiceStandard.Assessments;

/// <summary>A person on the panel or in the service team.</summary>
public sealed record Participant
{
    /// <summary>The person's name as published (often an initial and surname).</summary>
    public required string Name { get; init; }

    /// <summary>Their role.</summary>
    public required AssessmentRole Role { get; init; }

    /// <summary>The role as written, when it is more specific than <see cref="Role"/>.</summary>
    public string? RoleDescription { get; init; }

    /// <summary>Their organisation (for peer reviewers, the council they come from).</summary>
    public string? Organisation { get; init; }

    /// <summary>Points this person leads on, by number.</summary>
    public IReadOnlyList<int> LeadsOnPoints { get; init => field = value ?? []; } = [];
}
