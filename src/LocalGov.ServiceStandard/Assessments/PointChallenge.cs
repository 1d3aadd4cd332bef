namespace LocalGov.ServiceStandard.Assessments;

/// <summary>One point the service team challenges, and why.</summary>
public sealed record PointChallenge
{
    /// <summary>The point number, as in the assessment's findings.</summary>
    public required int Number { get; init; }

    /// <summary>The team's reason.</summary>
    public required string Reason { get; init; }
}
