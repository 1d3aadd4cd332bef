namespace LocalGov.Boundaries;

/// <summary>A coordinate reference system problem: unsupported or undetectable, layers that disagree, or a query in another CRS with no converter.</summary>
public sealed class BoundaryCrsException : BoundariesException
{
    /// <summary>Creates the exception.</summary>
    public BoundaryCrsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BoundaryCrsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BoundaryCrsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
