namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// The lead assessor's finalisation of an assessment, with the terms of the service team's response: how many working
/// days it has, and whose bank holidays and which closure days do not count. Kept on the assessment so its deadline
/// can be worked out again from the document alone.
/// </summary>
public sealed record AssessmentFinalisation
{
    /// <summary>The day the lead assessor finalised the assessment.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The lead assessor who finalised it, by name as on the panel.</summary>
    public required string LeadAssessor { get; init; }

    /// <summary>
    /// How many working days after <see cref="Date"/> the service team has to accept or challenge; null for
    /// <see cref="AssessmentResponseWorkflow.DefaultResponseWorkingDays"/> (10, as DfE and MoJ give).
    /// </summary>
    public int? ResponseWorkingDays { get; init; }

    /// <summary>Whose bank holidays are not working days (England and Wales by default).</summary>
    public UkNation Nation { get; init; } = UkNation.EnglandAndWales;

    /// <summary>The organisation's own closure days that do not count either (e.g. between Christmas and New Year).</summary>
    public IReadOnlyList<DateOnly> ClosureDays { get; init => field = value ?? []; } = [];

    /// <summary>The working-day calendar these terms describe.</summary>
    /// <returns>A calendar for <see cref="Nation"/> with <see cref="ClosureDays"/>.</returns>
    public UkWorkingDays WorkingDays() => new(Nation, ClosureDays);
}
