namespace LocalGov.Postcodes;

/// <summary>The service reports that the thing asked for (outcode, place, area, route) does not exist.</summary>
public class PostcodesNotFoundException : PostcodesServiceException
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="service">The remote service.</param>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL, without secrets.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="serverMessage">The server's <c>error</c> text.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    public PostcodesNotFoundException(string service, string operation, Uri? requestUri, int statusCode, string? serverMessage, string? bodyExcerpt)
        : base(service, operation, requestUri, statusCode, serverMessage, bodyExcerpt)
    {
    }

    /// <summary>Creates an exception.</summary>
    public PostcodesNotFoundException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PostcodesNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PostcodesNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
