namespace SpeedingReport.Storage;

/// <summary>
/// Where reports are kept. SQLite in <see cref="DataDirectory"/> by default (nothing to install); PostgreSQL when
/// <c>ConnectionStrings:Reports</c> is set. Bound from the <c>SpeedingReport</c> section.
/// </summary>
public sealed class ReportStorageOptions
{
    /// <summary>The folder of the SQLite database (<c>reports.db</c>), relative to the content root. Created when missing.</summary>
    public string DataDirectory { get; set; } = "App_Data";
}
