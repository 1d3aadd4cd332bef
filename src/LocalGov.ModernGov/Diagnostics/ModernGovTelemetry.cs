using System.Diagnostics;
using LocalGov.Diagnostics;
using Polly.Retry;

namespace LocalGov.ModernGov;

/// <summary>
/// The package's one <see cref="ActivitySource"/> and one meter, both named <see cref="Name"/>. Static
/// because clients are also built without DI; listeners (OpenTelemetry, <c>MeterListener</c>) subscribe by name.
/// </summary>
internal static class ModernGovTelemetry
{
    public const string Name = "LocalGov.ModernGov";

    public const string CouncilTag = "localgov.council";
    public const string CacheResultTag = "localgov.cache.result";

    private static readonly RemoteCallTelemetry Calls = new(
        Name,
        "localgov.moderngov",
        typeof(ModernGovTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        "Operations called on councils' Modern.Gov web services",
        "408, 429, 5xx, no response");

    private static readonly System.Diagnostics.Metrics.Counter<long> CacheReads = Calls.Meter.CreateCounter<long>("localgov.moderngov.cache.reads", "{read}", "Cached reads by result: hit, miss (fetched), refreshed, stale (served because the council failed), failed.");

    public static ActivitySource Source => Calls.Source;

    /// <summary>Starts the span of one operation; null when nobody listens.</summary>
    public static Activity? StartOperation(string council, string operation, Uri requestUri)
    {
        var activity = Source.StartActivity("ModernGov " + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CouncilTag, council);
            activity.SetTag(RemoteCallTelemetry.OperationTag, operation);
            // The query is left out: it can hold a resident's postcode.
            activity.SetTag(RemoteCallTelemetry.UrlTag, WithoutQuery(requestUri));
            activity.SetTag(RemoteCallTelemetry.ServerTag, requestUri.Host);
        }

        return activity;
    }

    public static void RecordSuccess(Activity? activity, string council, string operation, long startTimestamp) =>
        Calls.RecordSuccess(activity, Scope(council, operation), startTimestamp);

    public static void RecordFailure(Activity? activity, string council, string operation, long startTimestamp, Exception exception) =>
        Calls.RecordFailure(activity, Scope(council, operation), startTimestamp, exception, (exception as ModernGovException)?.StatusCode is { } status ? (int)status : null);

    /// <summary>Called with each response body's size; tags the current operation's span with the status.</summary>
    public static void RecordResponse(ModernGovRequestContext context, int status, long bytes) =>
        Calls.RecordResponse(Scope(context.Council, context.Operation), status, bytes, redactedUrl: null);

    public static void RecordParse(ModernGovRequestContext context, long startTimestamp) =>
        Calls.RecordParse(Scope(context.Council, context.Operation), startTimestamp);

    /// <summary>Called by the retry strategy before each retry: counts it and tags the operation's span with the attempts so far.</summary>
    public static void RecordRetry(string council, OnRetryArguments<HttpResponseMessage> args) =>
        Calls.RecordRetry(args, new TagList { { CouncilTag, council } }, OperationOf(args.Outcome.Result?.RequestMessage?.RequestUri) ?? "unknown");

    public static void RecordCacheRead(string council, string operation, string result) =>
        CacheReads.Add(1, new TagList { { CouncilTag, council }, { RemoteCallTelemetry.OperationTag, operation }, { CacheResultTag, result } });

    internal static string WithoutQuery(Uri uri) => uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Path) : uri.OriginalString.Split('?')[0];

    private static TagList Scope(string council, string operation) => new() { { CouncilTag, council }, { RemoteCallTelemetry.OperationTag, operation } };

    private static string? OperationOf(Uri? uri) => uri is { IsAbsoluteUri: true } ? uri.Segments[^1].Trim('/') : null;
}
