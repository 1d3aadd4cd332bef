namespace SpeedingReport.Retention;

/// <summary>Retention of residents' personal data (section <c>SpeedingReport:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "SpeedingReport:Retention";

    /// <summary>Run the retention job in this process (every instance may: each report is anonymised once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after a report is closed its personal data is erased; see <see cref="RetentionPeriod"/>.</summary>
    public string Period { get; set; } = "13 months";

    /// <summary>How often the job looks for reports that are due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reports anonymised per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    internal RetentionPeriod ParsedPeriod => RetentionPeriod.Parse(Period);
}
