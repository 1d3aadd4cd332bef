using System.Net;

namespace LocalGov.Boundaries;

/// <summary>An ArcGIS REST feature service answered, but with an error (an HTTP error status, or a JSON <c>error</c> object, or a body that is not GeoJSON).</summary>
public sealed class ArcGisServiceException : BoundariesException
{
    /// <summary>Creates the exception.</summary>
    public ArcGisServiceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ArcGisServiceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ArcGisServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its context.</summary>
    /// <param name="url">The request URL.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    /// <param name="problem">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ArcGisServiceException(Uri url, HttpStatusCode statusCode, string bodyExcerpt, string problem, Exception? innerException = null)
        : base($"ArcGIS service {url} ({(int)statusCode}): {problem}", innerException)
    {
        Url = url;
        StatusCode = statusCode;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>The request URL.</summary>
    public Uri? Url { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The start of the body (up to 300 characters).</summary>
    public string? BodyExcerpt { get; }
}
