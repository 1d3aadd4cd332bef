namespace LocalGov.ServiceStandard.Import;

/// <summary>How much an import recovered: the figures the package README reports for the real corpus.</summary>
public sealed record GdsImportStatistics
{
    /// <summary>Reports in the file.</summary>
    public required int Total { get; init; }

    /// <summary>Reports imported (the rest are errors).</summary>
    public required int Imported { get; init; }

    /// <summary>Reports with the stage recovered.</summary>
    public required int WithStage { get; init; }

    /// <summary>Reports with the result recovered.</summary>
    public required int WithResult { get; init; }

    /// <summary>Reports whose result was a stated field.</summary>
    public required int WithStatedResult { get; init; }

    /// <summary>Reports with the date recovered.</summary>
    public required int WithDate { get; init; }

    /// <summary>Reports with stage, result and date all recovered.</summary>
    public required int WithStageResultAndDate { get; init; }

    /// <summary>Reports with per-point outcomes.</summary>
    public required int WithPointOutcomes { get; init; }

    /// <summary>Per-point outcomes recovered in all.</summary>
    public required int PointOutcomes { get; init; }

    /// <summary>Share of all reports with stage, result and date (0..1).</summary>
    public double StageResultAndDateRate => Total == 0 ? 0 : (double)WithStageResultAndDate / Total;
}
