using Microsoft.Extensions.Logging;

namespace LocalGov.Postcodes.Internal;

/// <summary>The package's log messages (event ids 1600–1699): service, operation and error type only; never a postcode, a URL query or a key.</summary>
internal static partial class PostcodesLog
{
    [LoggerMessage(EventId = 1601, EventName = "PostcodesRetry", Level = LogLevel.Information, Message = "{Service}: attempt {Attempt} failed ({Failure}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string service, int attempt, string failure, double delayMs);

    [LoggerMessage(EventId = 1602, EventName = "PostcodesHealthFailed", Level = LogLevel.Warning, Message = "{Service} health check failed: {ErrorType}")]
    public static partial void HealthFailed(ILogger logger, string service, string errorType);

    [LoggerMessage(EventId = 1603, EventName = "PostcodesNoResponse", Level = LogLevel.Warning, Message = "{Service} {Operation}: no response, retries included ({ErrorType})")]
    public static partial void NoResponse(ILogger logger, string service, string operation, string errorType);

    [LoggerMessage(EventId = 1604, EventName = "PostcodesInvalidResponse", Level = LogLevel.Warning, Message = "{Service} {Operation}: the response (HTTP {Status}) is not what the API documents; it was not used")]
    public static partial void InvalidResponse(ILogger logger, string service, string operation, int status);

    [LoggerMessage(EventId = 1605, EventName = "PostcodesServiceError", Level = LogLevel.Warning, Message = "{Service} {Operation}: the service answered HTTP {Status} ({ErrorType})")]
    public static partial void ServiceError(ILogger logger, string service, string operation, int status, string errorType);

    [LoggerMessage(EventId = 1606, EventName = "PostcodesRateLimited", Level = LogLevel.Warning, Message = "{Service} {Operation}: rate limited (HTTP {Status}); the service asks for a wait of {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string service, string operation, int status, double? retryAfterSeconds);

    // Debug: an unknown or mistyped postcode is an ordinary answer, not a fault (and the postcode itself is never logged).
    [LoggerMessage(EventId = 1607, EventName = "PostcodesNotFound", Level = LogLevel.Debug, Message = "{Service} {Operation}: not found (HTTP {Status}, {ErrorType})")]
    public static partial void NotFound(ILogger logger, string service, string operation, int status, string errorType);

    /// <summary>
    /// Logs how a call failed. The exception is deliberately not attached: its message (and so its ToString) can quote
    /// the postcode asked for, and a postcode with a name is personal data.
    /// </summary>
    public static void Failed(ILogger logger, string service, string operation, Exception ex)
    {
        var kind = ex.GetType().Name;
        switch (ex)
        {
            case PostcodesNotFoundException or InvalidPostcodeException:
                NotFound(logger, service, operation, ((PostcodesServiceException)ex).StatusCode, kind);
                break;
            case PostcodesRateLimitedException limited:
                RateLimited(logger, service, operation, limited.StatusCode, limited.RetryAfter?.TotalSeconds);
                break;
            case PostcodesServiceException failed:
                ServiceError(logger, service, operation, failed.StatusCode, kind);
                break;
            case PostcodesInvalidResponseException invalid:
                InvalidResponse(logger, service, operation, invalid.StatusCode);
                break;
            case PostcodesTransportException transport:
                var cause = transport.InnerException?.GetType().Name ?? kind;
                NoResponse(logger, service, operation, cause);
                break;
            default:
                // Argument errors are the caller's bug, thrown before any call; anything else is logged by the caller.
                break;
        }
    }
}
