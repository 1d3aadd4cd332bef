namespace LocalGov.Open311;

/// <summary>The server answered, but not with the JSON or XML the spec describes (or with more than <see cref="Open311ClientOptions.MaxResponseBytes"/>).</summary>
public class Open311InvalidResponseException : Open311Exception
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="mediaType">The response's media type, or null.</param>
    /// <param name="bodyExcerpt">The start of the body, or null when it was not read.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The parser's error, if any.</param>
    public Open311InvalidResponseException(string operation, Uri? requestUri, int statusCode, string? mediaType, string? bodyExcerpt, string message, Exception? innerException = null)
        : base(operation, requestUri, message, innerException)
    {
        StatusCode = statusCode;
        MediaType = mediaType;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>Creates an exception.</summary>
    public Open311InvalidResponseException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public Open311InvalidResponseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Open311InvalidResponseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The response's media type (e.g. <c>text/html</c>), or null.</summary>
    public string? MediaType { get; }

    /// <summary>The start of the body (at most 200 characters), or null.</summary>
    public string? BodyExcerpt { get; }
}
