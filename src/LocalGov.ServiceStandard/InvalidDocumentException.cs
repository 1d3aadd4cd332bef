namespace LocalGov.ServiceStandard;

/// <summary>
/// A document (a standard, assessment or pack in JSON, a pack folder, a GDS report file, a catalogue resource)
/// could not be read: it is not valid JSON, misses a required member, or breaks a rule of the model.
/// </summary>
public sealed class InvalidDocumentException : ServiceStandardException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidDocumentException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public InvalidDocumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidDocumentException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a document named <paramref name="source"/>.</summary>
    /// <param name="source">The file, folder or resource name.</param>
    /// <param name="location">Where in the document (a JSON path, a line), when known.</param>
    /// <param name="reason">What was wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidDocumentException(string source, string? location, string reason, Exception? innerException = null)
        : base($"{source}{(location is null ? string.Empty : " at " + location)}: {reason}", innerException)
    {
        Source = source;
        Location = location;
        Reason = reason;
    }

    /// <summary>The file, folder or resource that could not be read.</summary>
    public new string? Source { get; }

    /// <summary>Where in the document the problem is (a JSON path or line), when known.</summary>
    public string? Location { get; }

    /// <summary>What was wrong, without the location.</summary>
    public string? Reason { get; }
}
