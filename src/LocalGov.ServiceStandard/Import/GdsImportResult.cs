namespace LocalGov.ServiceStandard.Import;

/// <summary>What an import produced: an assessment per readable report and an error per unreadable one.</summary>
public sealed record GdsImportResult
{
    /// <summary>The imported reports, in file order.</summary>
    public required IReadOnlyList<GdsImportedReport> Reports { get; init; }

    /// <summary>The reports that could not be read.</summary>
    public required IReadOnlyList<GdsReportError> Errors { get; init; }

    /// <summary>Recovery figures.</summary>
    public GdsImportStatistics Statistics => new()
    {
        Total = Reports.Count + Errors.Count,
        Imported = Reports.Count,
        WithStage = Reports.Count(r => r.Stage is not null),
        WithResult = Reports.Count(r => r.Result is not null),
        WithStatedResult = Reports.Count(r => r.ResultSource == GdsResultSource.Stated),
        WithDate = Reports.Count(r => r.Date is not null),
        WithStageResultAndDate = Reports.Count(r => r.Stage is not null && r.Result is not null && r.Date is not null),
        WithPointOutcomes = Reports.Count(r => r.Assessment.Points.Any(p => p.Outcome is not null)),
        PointOutcomes = Reports.Sum(r => r.Assessment.Points.Count(p => p.Outcome is not null)),
    };
}
