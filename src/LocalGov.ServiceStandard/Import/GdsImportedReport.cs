using LocalGov.ServiceStandard.Assessments;

namespace LocalGov.ServiceStandard.Import;

/// <summary>One GDS report turned into an assessment, with what was recovered and how.</summary>
public sealed record GdsImportedReport
{
    /// <summary>The report's position in the file (0-based).</summary>
    public required int Index { get; init; }

    /// <summary>The report's title.</summary>
    public required string Title { get; init; }

    /// <summary>The report's original address.</summary>
    public Uri? Url { get; init; }

    /// <summary>The department or agency, as written (links reduced to their text).</summary>
    public string? Department { get; init; }

    /// <summary>The stage assessed (for "Moving to: Private Beta", the alpha assessment), when recovered.</summary>
    public ServicePhase? Stage { get; init; }

    /// <summary>The stage as written.</summary>
    public string? StageText { get; init; }

    /// <summary>
    /// The final result in the reports' own vocabulary: <c>pass</c>, <c>not-pass</c>, <c>pass-with-conditions</c>,
    /// <c>met</c>, <c>not-met</c> or <c>may-proceed</c>; null when not recovered.
    /// </summary>
    public string? Result { get; init; }

    /// <summary>The result as written.</summary>
    public string? ResultText { get; init; }

    /// <summary>Where <see cref="Result"/> came from.</summary>
    public GdsResultSource? ResultSource { get; init; }

    /// <summary>The date of the final assessment (the reassessment, when there was one).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Whether the report covers a reassessment after an original assessment.</summary>
    public bool IsReassessment { get; init; }

    /// <summary>The final assessment: the reassessment when there was one.</summary>
    public required Assessment Assessment { get; init; }

    /// <summary>The original assessment, when the report covers a reassessment.</summary>
    public Assessment? Original { get; init; }

    /// <summary>What could not be recovered from this report.</summary>
    public IReadOnlyList<string> Warnings { get; init => field = value ?? []; } = [];
}
