namespace LocalGov.Postcodes;

/// <summary>
/// The base of every failure raised by this package's clients (postcodes.io and MapIt). Carries the service, the
/// operation and the request URL (without secrets).
/// </summary>
public class PostcodesException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PostcodesException(string message)
        : base(message)
    {
        Service = string.Empty;
        Operation = string.Empty;
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PostcodesException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Service = string.Empty;
        Operation = string.Empty;
    }

    /// <summary>Creates an exception with its context.</summary>
    /// <param name="service">The remote service, e.g. <c>postcodes.io</c> or <c>MapIt</c>.</param>
    /// <param name="operation">The client operation, e.g. <c>LookupAsync</c>.</param>
    /// <param name="requestUri">The request URL, without secrets.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PostcodesException(string service, string operation, Uri? requestUri, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Service = service;
        Operation = operation;
        RequestUri = requestUri;
    }

    /// <summary>Creates an exception.</summary>
    public PostcodesException()
        : this("A postcode service call failed.")
    {
    }

    /// <summary>The remote service: <c>postcodes.io</c> or <c>MapIt</c>.</summary>
    public string Service { get; }

    /// <summary>The client operation that failed, e.g. <c>LookupAsync</c>.</summary>
    public string Operation { get; }

    /// <summary>The request URL, without secrets (MapIt keys travel in a header, never in this URL).</summary>
    public Uri? RequestUri { get; }
}
