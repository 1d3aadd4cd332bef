namespace LocalGov.ServiceStandard.Assessments;

/// <summary>One assessment in a service's history, with what changed since the one before.</summary>
public sealed record ProgressEntry
{
    /// <summary>The assessment id.</summary>
    public required string AssessmentId { get; init; }

    /// <summary>When it took place.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The phase assessed.</summary>
    public ServicePhase? Phase { get; init; }

    /// <summary>The overall result (stated, else derived).</summary>
    public required string Result { get; init; }

    /// <summary>For score schemes: the total.</summary>
    public int? Score { get; init; }

    /// <summary>How many points had an outcome that does not fail.</summary>
    public required int PointsNotFailing { get; init; }

    /// <summary>Points failing now.</summary>
    public required IReadOnlyList<int> FailingPoints { get; init; }

    /// <summary>Points that failed in the previous assessment and do not fail now.</summary>
    public IReadOnlyList<int> Improved { get; init => field = value ?? []; } = [];

    /// <summary>Points that did not fail in the previous assessment and fail now.</summary>
    public IReadOnlyList<int> Regressed { get; init => field = value ?? []; } = [];
}
