using System.Globalization;

namespace LocalGov.Open311;

/// <summary>
/// The server answered with an error status. <see cref="Errors"/> holds every <c>code</c>/<c>description</c> of the spec's
/// error body (empty when the body had none). 400, 403 and 404 raise the subtypes <see cref="Open311InvalidRequestException"/>,
/// <see cref="Open311ForbiddenException"/> and <see cref="Open311NotFoundException"/>; other statuses (5xx) raise this type.
/// </summary>
public class Open311ServiceException : Open311Exception
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errors">The server's errors, in order.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    /// <param name="message">What went wrong, or null for a message built from the other values.</param>
    /// <param name="retryAfter">The wait the response's <c>Retry-After</c> header asked for, or null.</param>
    public Open311ServiceException(string operation, Uri? requestUri, int statusCode, IReadOnlyList<Open311Error> errors, string? bodyExcerpt, string? message = null, TimeSpan? retryAfter = null)
        : base(operation, requestUri, message ?? BuildMessage(operation, requestUri, statusCode, errors, bodyExcerpt, retryAfter))
    {
        StatusCode = statusCode;
        Errors = errors ?? [];
        BodyExcerpt = bodyExcerpt;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates an exception.</summary>
    public Open311ServiceException()
    {
        Errors = [];
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public Open311ServiceException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Open311ServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>The HTTP status, e.g. 400, 403, 404, 500.</summary>
    public int StatusCode { get; }

    /// <summary>Every error of the body, in order; empty when the body was not the spec's error list.</summary>
    public IReadOnlyList<Open311Error> Errors { get; }

    /// <summary>The errors' descriptions joined with "; " (what to show staff), or null when there were none.</summary>
    public string? Descriptions => Errors.Count == 0 ? null : string.Join("; ", Errors.Select(e => e.Description));

    /// <summary>The start of the body (at most 200 characters).</summary>
    public string? BodyExcerpt { get; }

    /// <summary>
    /// The wait the server asked for in <c>Retry-After</c> (usually with 429 or 503): its seconds, or the time left until
    /// its date (zero once past); null when there was no such header or it was neither a number nor an HTTP date. It is
    /// the server's value as sent, unbounded: a caller scheduling a retry should cap it.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for a status worth trying again later (408, 429, 5xx); false for the caller's or the key's fault.</summary>
    public bool IsTransient => StatusCode is 408 or 429 or >= 500;

    private static string BuildMessage(string operation, Uri? requestUri, int statusCode, IReadOnlyList<Open311Error> errors, string? bodyExcerpt, TimeSpan? retryAfter)
    {
        var detail = errors is { Count: > 0 } ? string.Join("; ", errors.Select(e => e.Description)) : bodyExcerpt?.Trim() is { Length: > 0 } body ? body : "no body";
        var wait = retryAfter is { } after ? string.Create(CultureInfo.InvariantCulture, $" The server asked to retry after {after.TotalSeconds:0} s.") : "";
        return $"Open311 {operation} failed with HTTP {statusCode}: {detail} ({requestUri}){wait}";
    }
}
