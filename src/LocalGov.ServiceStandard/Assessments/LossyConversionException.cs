namespace LocalGov.ServiceStandard.Assessments;

/// <summary>Converting outcomes to another scheme would lose or invent information, so it was refused.</summary>
public sealed class LossyConversionException : ServiceStandardException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public LossyConversionException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public LossyConversionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LossyConversionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one value that has no single counterpart.</summary>
    /// <param name="fromScheme">The source scheme id.</param>
    /// <param name="toScheme">The target scheme id.</param>
    /// <param name="pointNumber">The point, or null for the overall result.</param>
    /// <param name="value">The value that cannot be converted.</param>
    /// <param name="reason">Why.</param>
    public LossyConversionException(string fromScheme, string toScheme, int? pointNumber, string value, string reason)
        : base($"Cannot convert {(pointNumber is null ? "the overall result" : $"point {pointNumber}")} '{value}' from '{fromScheme}' to '{toScheme}' without loss: {reason}.")
    {
        FromScheme = fromScheme;
        ToScheme = toScheme;
        PointNumber = pointNumber;
        Value = value;
    }

    /// <summary>The source scheme id.</summary>
    public string? FromScheme { get; }

    /// <summary>The target scheme id.</summary>
    public string? ToScheme { get; }

    /// <summary>The point, or null for the overall result.</summary>
    public int? PointNumber { get; }

    /// <summary>The value that cannot be converted.</summary>
    public string? Value { get; }
}
