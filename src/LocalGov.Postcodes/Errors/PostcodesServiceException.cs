namespace LocalGov.Postcodes;

/// <summary>The service answered with an error status. <see cref="ServerMessage"/> is the server's own <c>error</c> text.</summary>
public class PostcodesServiceException : PostcodesException
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="service">The remote service.</param>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL, without secrets.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="serverMessage">The server's <c>error</c> text, when the body had one.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    /// <param name="message">What went wrong, or null for a message built from the other values.</param>
    public PostcodesServiceException(string service, string operation, Uri? requestUri, int statusCode, string? serverMessage, string? bodyExcerpt, string? message = null)
        : base(service, operation, requestUri, message ?? BuildMessage(service, operation, requestUri, statusCode, serverMessage, bodyExcerpt))
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>Creates an exception.</summary>
    public PostcodesServiceException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PostcodesServiceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PostcodesServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status, e.g. 400, 404, 500.</summary>
    public int StatusCode { get; }

    /// <summary>The server's error text (postcodes.io <c>error</c>, MapIt <c>error</c>), or null when the body had none.</summary>
    public string? ServerMessage { get; }

    /// <summary>The start of the body (at most 200 characters).</summary>
    public string? BodyExcerpt { get; }

    private static string BuildMessage(string service, string operation, Uri? requestUri, int statusCode, string? serverMessage, string? bodyExcerpt)
    {
        var detail = serverMessage ?? bodyExcerpt ?? "no body";
        return $"{service} {operation} failed with HTTP {statusCode}: {detail.Trim()} ({requestUri})";
    }
}
