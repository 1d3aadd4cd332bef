namespace LocalGov.ServiceStandard.Assessments;

/// <summary>An assessment of a service against one version of a standard, with its findings.</summary>
public sealed record Assessment
{
    /// <summary>A stable id for the assessment.</summary>
    public required string Id { get; init; }

    /// <summary>The service's name.</summary>
    public required string ServiceName { get; init; }

    /// <summary>What the service does.</summary>
    public string? ServiceDescription { get; init; }

    /// <summary>The service's address.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>The organisation that runs the service (council, department or agency).</summary>
    public required string Organisation { get; init; }

    /// <summary>The phase assessed, when known.</summary>
    public ServicePhase? Phase { get; init; }

    /// <summary>The stage as written in the source, when imported (e.g. "Alpha Review", "Moving to: Public Beta").</summary>
    public string? StageLabel { get; init; }

    /// <summary>When the assessment took place, when known.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The panel.</summary>
    public IReadOnlyList<Participant> Panel { get; init => field = value ?? []; } = [];

    /// <summary>The service team members named in the report.</summary>
    public IReadOnlyList<Participant> ServiceTeam { get; init => field = value ?? []; } = [];

    /// <summary>The standard version assessed against.</summary>
    public required StandardReference Standard { get; init; }

    /// <summary>The id of the outcome scheme the outcomes are in (see <see cref="OutcomeSchemes"/>).</summary>
    public required string Scheme { get; init; }

    /// <summary>Findings per point.</summary>
    public IReadOnlyList<PointAssessment> Points { get; init => field = value ?? []; } = [];

    /// <summary>Evidence about the service as a whole.</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; init => field = value ?? []; } = [];

    /// <summary>Overall findings: what the team has done well.</summary>
    public IReadOnlyList<string> DoneWell { get; init => field = value ?? []; } = [];

    /// <summary>Overall findings: what the team needs to explore.</summary>
    public IReadOnlyList<string> ToExplore { get; init => field = value ?? []; } = [];

    /// <summary>The panel's summary.</summary>
    public string? Summary { get; init; }

    /// <summary>Next steps.</summary>
    public IReadOnlyList<string> NextSteps { get; init => field = value ?? []; } = [];

    /// <summary>
    /// The overall result as the panel stated it (an overall value of the scheme, e.g. <c>pass</c>), when it
    /// was stated rather than derived: imported reports, or an overall RAG the lead assessor finalised.
    /// </summary>
    public string? StatedResult { get; init; }

    /// <summary>The id of the assessment this one reassesses, if it is a reassessment.</summary>
    public string? ReassessmentOf { get; init; }

    /// <summary>Where the assessment was published or imported from.</summary>
    public Uri? Source { get; init; }

    /// <summary>
    /// The id of the finalised assessment this revision amends, if it is one (see <see cref="AssessmentResponseWorkflow.Amend"/>).
    /// </summary>
    public string? Supersedes { get; init; }

    /// <summary>
    /// When and by whom the assessment was finalised, and the terms of the service team's response; null while it is a
    /// draft. Set by <see cref="AssessmentResponseWorkflow.Finalise"/>.
    /// </summary>
    public AssessmentFinalisation? Finalisation { get; init; }

    /// <summary>The service team's acceptance or challenge, once made. Set by <see cref="AssessmentResponseWorkflow.Respond"/>.</summary>
    public ServiceTeamResponse? Response { get; init; }

    /// <summary>Finds the finding for a point number.</summary>
    /// <param name="number">The point number.</param>
    /// <returns>The finding, or null.</returns>
    public PointAssessment? FindPoint(int number) => Points.FirstOrDefault(p => p.Number == number);
}
