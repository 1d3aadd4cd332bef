namespace LocalGov.ServiceStandard;

/// <summary>
/// A folder or file was not read or written because doing so could reach outside the place named: it is a symbolic
/// link, not a regular file (a FIFO, a device), larger than the cap, or an output that already exists and was not
/// to be overwritten. Nothing was read from or written to <see cref="Path"/>.
/// </summary>
public sealed class UnsafePathException : ServiceStandardException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public UnsafePathException()
        : base("A path was refused.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public UnsafePathException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public UnsafePathException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    /// <param name="path">The path refused.</param>
    /// <param name="reason">Why.</param>
    public UnsafePathException(string path, string reason)
        : base($"{path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The path refused.</summary>
    public string? Path { get; }

    /// <summary>Why it was refused.</summary>
    public string? Reason { get; }
}
