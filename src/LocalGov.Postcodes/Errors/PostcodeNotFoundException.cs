using LocalGov.Postcodes.PostcodesIo;

namespace LocalGov.Postcodes;

/// <summary>
/// The postcode is well formed but the service does not know it (postcodes.io <c>Postcode not found</c>, MapIt
/// 404). When postcodes.io knows it as terminated, <see cref="Terminated"/> says when it stopped being used.
/// </summary>
public sealed class PostcodeNotFoundException : PostcodesNotFoundException
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="service">The remote service.</param>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="serverMessage">The server's <c>error</c> text.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    /// <param name="postcode">The postcode asked for.</param>
    /// <param name="terminated">The termination details postcodes.io sent, if any.</param>
    public PostcodeNotFoundException(string service, string operation, Uri? requestUri, int statusCode, string? serverMessage, string? bodyExcerpt, string postcode, TerminatedPostcode? terminated)
        : base(service, operation, requestUri, statusCode, serverMessage, bodyExcerpt)
    {
        Postcode = postcode;
        Terminated = terminated;
    }

    /// <summary>Creates an exception.</summary>
    public PostcodeNotFoundException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PostcodeNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PostcodeNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The postcode asked for, as given.</summary>
    public string? Postcode { get; }

    /// <summary>When the postcode was terminated (postcodes.io 17.7+ adds this to the 404), or null.</summary>
    public TerminatedPostcode? Terminated { get; }
}
