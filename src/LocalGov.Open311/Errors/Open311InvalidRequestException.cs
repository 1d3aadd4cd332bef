namespace LocalGov.Open311;

/// <summary>HTTP 400: the request was not valid (a missing or unknown field, a bad attribute value, a missing jurisdiction_id); the descriptions say what.</summary>
/// <remarks>What to do: fix the request; sending it again unchanged will fail again. <see cref="Open311ServiceException.Errors"/> holds the server's descriptions.</remarks>
public sealed class Open311InvalidRequestException : Open311ServiceException
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errors">The server's errors.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    public Open311InvalidRequestException(string operation, Uri? requestUri, int statusCode, IReadOnlyList<Open311Error> errors, string? bodyExcerpt)
        : base(operation, requestUri, statusCode, errors, bodyExcerpt)
    {
    }

    /// <summary>Creates an exception.</summary>
    public Open311InvalidRequestException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public Open311InvalidRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Open311InvalidRequestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
