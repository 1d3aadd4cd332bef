namespace SpeedingReport.Configuration;

/// <summary>A configuration file the council edits (routing, directory, boundaries, settings) is missing or wrong.</summary>
public sealed class SpeedingReportConfigurationException : Exception
{
    public SpeedingReportConfigurationException()
    {
    }

    public SpeedingReportConfigurationException(string message)
        : base(message)
    {
    }

    public SpeedingReportConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public SpeedingReportConfigurationException(string location, string problem, Exception? innerException = null)
        : base($"{location}: {problem}", innerException)
    {
        Location = location;
        Problem = problem;
    }

    /// <summary>The file (and place in it) or setting that is wrong.</summary>
    public string? Location { get; }

    /// <summary>What is wrong with it.</summary>
    public string? Problem { get; }
}
