namespace LocalGov.Boundaries;

/// <summary>The base of every error LocalGov.Boundaries raises on purpose.</summary>
public class BoundariesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BoundariesException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BoundariesException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BoundariesException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
