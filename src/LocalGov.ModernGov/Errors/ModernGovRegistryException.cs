namespace LocalGov.ModernGov;

/// <summary>A council registry (CSV) could not be read: a missing column, a bad URL or a malformed line. The message names the line.</summary>
public sealed class ModernGovRegistryException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovRegistryException()
        : base("The council registry could not be read.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovRegistryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovRegistryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovRegistryException(string message, int lineNumber, Exception? innerException)
        : base($"{message} (registry line {lineNumber})", innerException)
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based line of the registry where the problem is (0 for the whole file).</summary>
    public int LineNumber { get; }
}
