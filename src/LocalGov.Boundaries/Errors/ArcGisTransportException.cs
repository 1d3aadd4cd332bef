namespace LocalGov.Boundaries;

/// <summary>An ArcGIS REST feature service gave no usable answer: connection failure, timeout or a truncated body.</summary>
public sealed class ArcGisTransportException : BoundariesException
{
    /// <summary>Creates the exception.</summary>
    public ArcGisTransportException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ArcGisTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ArcGisTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its context.</summary>
    /// <param name="url">The request URL.</param>
    /// <param name="innerException">The cause.</param>
    public ArcGisTransportException(Uri url, Exception innerException)
        : base($"No usable answer from ArcGIS service {url}: {innerException?.Message}", innerException)
    {
        Url = url;
    }

    /// <summary>The request URL.</summary>
    public Uri? Url { get; }
}
