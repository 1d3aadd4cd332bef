namespace LocalGov.Postcodes;

/// <summary>The service rejected the postcode's format (postcodes.io <c>Invalid postcode</c>, MapIt 400 <c>Postcode '…' is not valid.</c>).</summary>
public sealed class InvalidPostcodeException : PostcodesServiceException
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="service">The remote service.</param>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="serverMessage">The server's <c>error</c> text.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    /// <param name="postcode">The text sent as a postcode.</param>
    public InvalidPostcodeException(string service, string operation, Uri? requestUri, int statusCode, string? serverMessage, string? bodyExcerpt, string postcode)
        : base(service, operation, requestUri, statusCode, serverMessage, bodyExcerpt)
    {
        Postcode = postcode;
    }

    /// <summary>Creates an exception.</summary>
    public InvalidPostcodeException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public InvalidPostcodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidPostcodeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The text sent as a postcode.</summary>
    public string? Postcode { get; }
}
