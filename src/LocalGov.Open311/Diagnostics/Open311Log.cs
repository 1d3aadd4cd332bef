using Microsoft.Extensions.Logging;

namespace LocalGov.Open311.Internal;

/// <summary>
/// The package's log messages (event ids 2001–2099): operation, server, status and error type only. Never the API key,
/// a query, a body, or anything of a submission; the exception is not attached (its message quotes the server's error
/// text, which can echo what the resident wrote).
/// </summary>
internal static partial class Open311Log
{
    [LoggerMessage(EventId = 2001, EventName = "Open311Retry", Level = LogLevel.Information, Message = "Open311 {Operation}: attempt {Attempt} failed ({Failure}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string failure, double delayMs);

    [LoggerMessage(EventId = 2002, EventName = "Open311NoResponse", Level = LogLevel.Warning, Message = "Open311 {Operation} on {Server}: no response, retries included ({Cause}, timeout: {IsTimeout})")]
    public static partial void NoResponse(ILogger logger, string operation, string server, string cause, bool isTimeout);

    // A POST that got no answer may still have been acted on: the caller must follow up, not blindly resend.
    [LoggerMessage(EventId = 2003, EventName = "Open311SubmitOutcomeUnknown", Level = LogLevel.Warning, Message = "Open311 SubmitRequest on {Server}: no answer ({Cause}); the server may or may not have made the request")]
    public static partial void SubmitOutcomeUnknown(ILogger logger, string server, string cause);

    [LoggerMessage(EventId = 2004, EventName = "Open311ServiceError", Level = LogLevel.Warning, Message = "Open311 {Operation} on {Server}: HTTP {Status} ({ErrorType})")]
    public static partial void ServiceError(ILogger logger, string operation, string server, int status, string errorType);

    [LoggerMessage(EventId = 2005, EventName = "Open311InvalidResponse", Level = LogLevel.Warning, Message = "Open311 {Operation} on {Server}: the response (HTTP {Status}, {MediaType}) is not GeoReport v2 ({ErrorType}); it was not used")]
    public static partial void InvalidResponse(ILogger logger, string operation, string server, int status, string mediaType, string errorType);

    // Debug: an unknown id or token is an ordinary answer (tokens are often 404 until the id exists).
    [LoggerMessage(EventId = 2006, EventName = "Open311NotFound", Level = LogLevel.Debug, Message = "Open311 {Operation} on {Server}: not found (HTTP {Status})")]
    public static partial void NotFound(ILogger logger, string operation, string server, int status);

    [LoggerMessage(EventId = 2007, EventName = "Open311Rejected", Level = LogLevel.Warning, Message = "Open311 {Operation} on {Server}: the server refused the request (HTTP {Status}, {ErrorType})")]
    public static partial void Rejected(ILogger logger, string operation, string server, int status, string errorType);

    public static void Failed(ILogger logger, string operation, string server, Exception ex)
    {
        var kind = ex.GetType().Name;
        switch (ex)
        {
            case Open311NotFoundException notFound:
                NotFound(logger, operation, server, notFound.StatusCode);
                break;
            case Open311InvalidRequestException or Open311ForbiddenException:
                Rejected(logger, operation, server, ((Open311ServiceException)ex).StatusCode, kind);
                break;
            case Open311ServiceException failed:
                ServiceError(logger, operation, server, failed.StatusCode, kind);
                break;
            case Open311InvalidResponseException invalid:
                var media = invalid.MediaType ?? "no content type";
                InvalidResponse(logger, operation, server, invalid.StatusCode, media, kind);
                break;
            case Open311TransportException transport:
                var cause = transport.InnerException?.GetType().Name ?? kind;
                if (operation == "SubmitRequest")
                {
                    SubmitOutcomeUnknown(logger, server, cause);
                }
                else
                {
                    NoResponse(logger, operation, server, cause, transport.IsTimeout);
                }

                break;
            default:
                // Attribute and argument errors are the caller's, raised before anything is sent.
                break;
        }
    }
}
