using Microsoft.Extensions.Logging;

namespace LocalGov.ModernGov;

/// <summary>
/// The package's log messages (event ids 1700–1799). Nothing personal is logged: no query strings (they can hold a
/// postcode), no bodies; council, operation and error type only. Modern.Gov needs no credentials, so there are no secrets.
/// </summary>
internal static partial class ModernGovLog
{
    [LoggerMessage(EventId = 1701, EventName = "ModernGovRetry", Level = LogLevel.Information, Message = "Modern.Gov {Council} {Operation}: attempt {Attempt} failed ({Failure}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string council, string operation, int attempt, string failure, double delayMs);

    // No exception object: its message quotes the URL with its query, which can hold a resident's postcode.
    [LoggerMessage(EventId = 1702, EventName = "ModernGovFailed", Level = LogLevel.Warning, Message = "Modern.Gov {Council} {Operation} failed: {ErrorType} (HTTP {Status}) from {Url}; body starts: {BodyExcerpt}")]
    public static partial void Failed(ILogger logger, string council, string operation, string errorType, int? status, string? url, string? bodyExcerpt);

    [LoggerMessage(EventId = 1710, EventName = "ModernGovStaleServed", Level = LogLevel.Warning, Message = "Modern.Gov {Council} {Operation} failed ({ErrorType}); serving the cached answer from {RetrievedAt:o} ({AgeMinutes:F0} minutes old) instead")]
    public static partial void StaleServed(ILogger logger, string council, string operation, string errorType, DateTimeOffset retrievedAt, double ageMinutes);

    [LoggerMessage(EventId = 1711, EventName = "ModernGovStaleTooOld", Level = LogLevel.Warning, Message = "Modern.Gov {Council} {Operation} failed ({ErrorType}) and the cached answer from {RetrievedAt:o} is older than MaxStaleAge; raising the error")]
    public static partial void StaleTooOld(ILogger logger, string council, string operation, string errorType, DateTimeOffset retrievedAt);

    [LoggerMessage(EventId = 1712, EventName = "ModernGovCacheRefreshed", Level = LogLevel.Debug, Message = "Modern.Gov {Council} {Operation}: the cached answer expired and was refreshed")]
    public static partial void Refreshed(ILogger logger, string council, string operation);
}
