namespace LocalGov.Boundaries;

/// <summary>A saved resolver index cannot be loaded: not an index, written by another format version, truncated or corrupt.</summary>
public sealed class BoundaryIndexFileException : BoundariesException
{
    /// <summary>Creates the exception.</summary>
    public BoundaryIndexFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BoundaryIndexFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BoundaryIndexFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
