namespace LocalGov.Boundaries;

/// <summary>A boundary source is malformed: unreadable, missing a field, or a feature that cannot be parsed.</summary>
public sealed class BoundaryFileException : BoundariesException
{
    /// <summary>Creates the exception.</summary>
    public BoundaryFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BoundaryFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BoundaryFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its context.</summary>
    /// <param name="source">The file or URL.</param>
    /// <param name="line">The 1-based line, when the format has lines.</param>
    /// <param name="featureNumber">The 1-based feature (row, record) number, when known.</param>
    /// <param name="problem">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BoundaryFileException(string source, int? line, int? featureNumber, string problem, Exception? innerException = null)
        : base(Describe(source, line, featureNumber, problem), innerException)
    {
        Source = source;
        Line = line;
        FeatureNumber = featureNumber;
        Problem = problem;
    }

    /// <summary>The file or URL.</summary>
    public new string? Source { get; }

    /// <summary>The 1-based line, when the format has lines.</summary>
    public int? Line { get; }

    /// <summary>The 1-based feature number, when known.</summary>
    public int? FeatureNumber { get; }

    /// <summary>What was wrong, without the location.</summary>
    public string? Problem { get; }

    private static string Describe(string source, int? line, int? featureNumber, string problem)
    {
        var where = source;
        if (line is not null)
        {
            where += $", line {line}";
        }

        if (featureNumber is not null)
        {
            where += $", feature {featureNumber}";
        }

        return $"{where}: {problem}";
    }
}
