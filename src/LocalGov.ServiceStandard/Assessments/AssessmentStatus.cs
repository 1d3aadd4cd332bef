namespace LocalGov.ServiceStandard.Assessments;

/// <summary>An assessment's place in the response workflow as of one day (see <see cref="AssessmentResponseWorkflow.Status(Assessment, DateOnly)"/>).</summary>
public sealed record AssessmentStatus
{
    /// <summary>The day the status describes.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The state.</summary>
    public required AssessmentState State { get; init; }

    /// <summary>When the assessment was finalised; null while it is a draft.</summary>
    public DateOnly? FinalisedOn { get; init; }

    /// <summary>The last day the service team can respond on time; null while it is a draft.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>While awaiting a response: working days after <see cref="AsOf"/> up to and including the deadline (0 on the deadline itself).</summary>
    public int? WorkingDaysLeft { get; init; }

    /// <summary>When the response is overdue: working days after the deadline up to and including <see cref="AsOf"/> (0 on a weekend straight after it).</summary>
    public int? WorkingDaysOverdue { get; init; }

    /// <summary>When the team has responded: the day it did.</summary>
    public DateOnly? RespondedOn { get; init; }

    /// <summary>When the team has responded: whether it was on or before the deadline.</summary>
    public bool? RespondedOnTime { get; init; }
}
