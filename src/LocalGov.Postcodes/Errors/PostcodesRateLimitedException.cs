using LocalGov.Postcodes.MapIt;

namespace LocalGov.Postcodes;

/// <summary>The service refused the call because a rate limit or quota was reached (HTTP 429, or MapIt's 403 <c>Rate limit exceeded</c> / <c>Usage limit reached.</c>).</summary>
public sealed class PostcodesRateLimitedException : PostcodesServiceException
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="service">The remote service.</param>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="serverMessage">The server's error text.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, if sent.</param>
    /// <param name="quota">MapIt's quota headers, if sent.</param>
    public PostcodesRateLimitedException(string service, string operation, Uri? requestUri, int statusCode, string? serverMessage, string? bodyExcerpt, TimeSpan? retryAfter, MapItQuota? quota)
        : base(service, operation, requestUri, statusCode, serverMessage, bodyExcerpt)
    {
        RetryAfter = retryAfter;
        Quota = quota;
    }

    /// <summary>Creates an exception.</summary>
    public PostcodesRateLimitedException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PostcodesRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PostcodesRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the server asked callers to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>MapIt's quota (<c>X-Quota-Current</c>/<c>X-Quota-Limit</c>) at the time of the refusal, when sent.</summary>
    public MapItQuota? Quota { get; }
}
