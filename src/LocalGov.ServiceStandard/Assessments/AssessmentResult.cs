namespace LocalGov.ServiceStandard.Assessments;

/// <summary>An overall result, derived by an outcome scheme's rule from the per-point outcomes.</summary>
public sealed record AssessmentResult
{
    /// <summary>The overall value (one of the scheme's overall values), or <c>incomplete</c> when points are unassessed.</summary>
    public required string Outcome { get; init; }

    /// <summary>The overall value as shown to people.</summary>
    public required string Label { get; init; }

    /// <summary>Whether the service may progress (pass, met, green or amber, score at or above the pass mark).</summary>
    public required bool IsPositive { get; init; }

    /// <summary>Whether every point of the standard has an outcome.</summary>
    public required bool IsComplete { get; init; }

    /// <summary>For score schemes: the total.</summary>
    public int? Score { get; init; }

    /// <summary>For score schemes: the highest possible total.</summary>
    public int? MaxScore { get; init; }

    /// <summary>How the rule reached the result, in a sentence.</summary>
    public required string Explanation { get; init; }
}
