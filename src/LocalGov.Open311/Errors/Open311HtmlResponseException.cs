namespace LocalGov.Open311;

/// <summary>
/// An HTML page came back where JSON or XML was expected: usually a login or maintenance page from a proxy, a
/// firewall or a portal in front of the case system, or a base URL that points at a web site rather than the endpoint.
/// It is raised whatever the status (HTML with 200 included).
/// </summary>
public sealed class Open311HtmlResponseException : Open311InvalidResponseException
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="mediaType">The response's media type, or null.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    /// <param name="pageTitle">The page's <c>&lt;title&gt;</c>, or null.</param>
    public Open311HtmlResponseException(string operation, Uri? requestUri, int statusCode, string? mediaType, string? bodyExcerpt, string? pageTitle)
        : base(operation, requestUri, statusCode, mediaType, bodyExcerpt, BuildMessage(operation, requestUri, statusCode, pageTitle))
    {
        PageTitle = pageTitle;
    }

    /// <summary>Creates an exception.</summary>
    public Open311HtmlResponseException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public Open311HtmlResponseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Open311HtmlResponseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The page's <c>&lt;title&gt;</c> (e.g. "Sign in", "Down for maintenance"), or null.</summary>
    public string? PageTitle { get; }

    private static string BuildMessage(string operation, Uri? requestUri, int statusCode, string? pageTitle) =>
        $"Open311 {operation}: the server sent an HTML page (HTTP {statusCode}{(pageTitle is null ? string.Empty : $", \"{pageTitle}\"")}) instead of Open311 JSON or XML; check the base URL and anything in front of the endpoint ({requestUri}).";
}
