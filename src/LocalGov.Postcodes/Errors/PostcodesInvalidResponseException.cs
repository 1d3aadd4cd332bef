namespace LocalGov.Postcodes;

/// <summary>A response arrived but its body could not be understood (not JSON, truncated, or not the documented shape).</summary>
public sealed class PostcodesInvalidResponseException : PostcodesException
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="service">The remote service.</param>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL, without secrets.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The parsing failure, if any.</param>
    public PostcodesInvalidResponseException(string service, string operation, Uri? requestUri, int statusCode, string? bodyExcerpt, string message, Exception? innerException = null)
        : base(service, operation, requestUri, message, innerException)
    {
        StatusCode = statusCode;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>Creates an exception.</summary>
    public PostcodesInvalidResponseException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PostcodesInvalidResponseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PostcodesInvalidResponseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The start of the body (at most 200 characters), for diagnosis.</summary>
    public string? BodyExcerpt { get; }
}
