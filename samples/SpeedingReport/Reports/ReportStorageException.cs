namespace SpeedingReport.Reports;

/// <summary>A report could not be stored. Nothing was written, so no reference exists.</summary>
public sealed class ReportStorageException : Exception
{
    public ReportStorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public ReportStorageException()
    {
    }

    public ReportStorageException(string message)
        : base(message)
    {
    }
}
