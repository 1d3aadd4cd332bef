namespace LocalGov.ServiceStandard.Assessments;

/// <summary>The panel's finding on one point: outcome, what was done well, what to explore, evidence.</summary>
public sealed record PointAssessment
{
    /// <summary>The point number in the assessed standard version.</summary>
    public required int Number { get; init; }

    /// <summary>The point's stable id in the standard, when known.</summary>
    public string? PointId { get; init; }

    /// <summary>The outcome, a value of the assessment's outcome scheme (e.g. <c>met</c>, <c>red</c>, <c>4</c>); null when not assessed.</summary>
    public string? Outcome { get; init; }

    /// <summary>True when the outcome was carried over from the assessment this one reassesses.</summary>
    public bool CarriedOver { get; init; }

    /// <summary>The decision as written (e.g. "The service met point 1 of the Standard.").</summary>
    public string? Decision { get; init; }

    /// <summary>What the team has done well.</summary>
    public IReadOnlyList<string> DoneWell { get; init => field = value ?? []; } = [];

    /// <summary>What the team needs to explore before the next assessment.</summary>
    public IReadOnlyList<string> ToExplore { get; init => field = value ?? []; } = [];

    /// <summary>Evidence for this point.</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; init => field = value ?? []; } = [];

    /// <summary>Other notes (e.g. why the point does not apply).</summary>
    public string? Notes { get; init; }
}
