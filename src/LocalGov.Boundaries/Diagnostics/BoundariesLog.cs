using Microsoft.Extensions.Logging;

namespace LocalGov.Boundaries;

/// <summary>The package's log messages (event ids 1800–1899): file names, counts and timings; never a looked-up point.</summary>
internal static partial class BoundariesLog
{
    [LoggerMessage(EventId = 1801, EventName = "ParishIndexLoaded", Level = LogLevel.Information, Message = "Parish index loaded from {Source}: {Areas} areas in {ElapsedMs:F0} ms")]
    public static partial void IndexLoaded(ILogger logger, string source, int areas, double elapsedMs);

    [LoggerMessage(EventId = 1802, EventName = "ParishIndexBuilt", Level = LogLevel.Information, Message = "Parish index built from {Source}: {Areas} areas in {ElapsedMs:F0} ms")]
    public static partial void IndexBuilt(ILogger logger, string source, int areas, double elapsedMs);

    [LoggerMessage(EventId = 1803, EventName = "BoundaryRepairs", Level = LogLevel.Warning, Message = "{Source}: {Repairs} boundaries repaired and {Skips} skipped while loading (see the load report)")]
    public static partial void Repairs(ILogger logger, string source, int repairs, int skips);

    [LoggerMessage(EventId = 1804, EventName = "ParishIndexFailed", Level = LogLevel.Error, Message = "The parish index could not be loaded: {ErrorType}")]
    public static partial void IndexFailed(ILogger logger, string errorType, Exception exception);
}
