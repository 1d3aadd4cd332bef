using Microsoft.Extensions.Logging;

namespace LocalGov.Postcodes.Internal;

/// <summary>The package's log messages (event ids 1600–1699): service, operation and error type only; never a postcode, a URL query or a key.</summary>
internal static partial class PostcodesLog
{
    [LoggerMessage(EventId = 1601, EventName = "PostcodesRetry", Level = LogLevel.Information, Message = "{Service}: attempt {Attempt} failed ({Failure}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string service, int attempt, string failure, double delayMs);

    [LoggerMessage(EventId = 1602, EventName = "PostcodesHealthFailed", Level = LogLevel.Warning, Message = "{Service} health check failed: {ErrorType}")]
    public static partial void HealthFailed(ILogger logger, string service, string errorType);
}
