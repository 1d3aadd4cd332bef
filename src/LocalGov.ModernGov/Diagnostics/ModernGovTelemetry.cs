using System.Diagnostics;
using System.Diagnostics.Metrics;
using Polly.Retry;

namespace LocalGov.ModernGov;

/// <summary>
/// The package's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>. Static
/// because clients are also built without DI; listeners (OpenTelemetry, <c>MeterListener</c>) subscribe by name.
/// </summary>
internal static class ModernGovTelemetry
{
    public const string Name = "LocalGov.ModernGov";

    public const string CouncilTag = "localgov.council";
    public const string OperationTag = "localgov.operation";
    public const string OutcomeTag = "localgov.outcome";
    public const string AttemptsTag = "localgov.attempts";
    public const string ErrorTypeTag = "error.type";
    public const string StatusTag = "http.response.status_code";
    public const string UrlTag = "url.full";
    public const string CacheResultTag = "localgov.cache.result";

    private static readonly string Version = typeof(ModernGovTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("localgov.moderngov.requests", "{request}", "Operations called on councils' Modern.Gov web services, by outcome.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("localgov.moderngov.request.duration", "s", "Time per operation, retries and parsing included.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("localgov.moderngov.retries", "{retry}", "Retries of failed attempts (408, 429, 5xx, no response).");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("localgov.moderngov.failures", "{failure}", "Operations that ended in an error, by error type.");

    public static readonly Histogram<long> ResponseSize = Meter.CreateHistogram<long>("localgov.moderngov.response.size", "By", "Response body sizes.");

    public static readonly Histogram<double> ParseDuration = Meter.CreateHistogram<double>("localgov.moderngov.parse.duration", "s", "Time to parse a response body.");

    public static readonly Counter<long> CacheReads = Meter.CreateCounter<long>("localgov.moderngov.cache.reads", "{read}", "Cached reads by result: hit, miss (fetched), refreshed, stale (served because the council failed), failed.");

    /// <summary>Starts the span of one operation; null when nobody listens.</summary>
    public static Activity? StartOperation(string council, string operation, Uri requestUri)
    {
        var activity = Source.StartActivity("ModernGov " + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CouncilTag, council);
            activity.SetTag(OperationTag, operation);
            // The query is left out: it can hold a resident's postcode.
            activity.SetTag(UrlTag, WithoutQuery(requestUri));
            activity.SetTag("server.address", requestUri.Host);
        }

        return activity;
    }

    public static void RecordSuccess(Activity? activity, string council, string operation, long startTimestamp)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        var tags = new TagList { { CouncilTag, council }, { OperationTag, operation }, { OutcomeTag, "success" } };
        Requests.Add(1, tags);
        Duration.Record(elapsed, tags);
        if (activity is not null)
        {
            activity.SetTag(OutcomeTag, "success");
            if (activity.GetTagItem(AttemptsTag) is null)
            {
                activity.SetTag(AttemptsTag, 1);
            }

            activity.SetStatus(ActivityStatusCode.Ok);
        }
    }

    public static void RecordFailure(Activity? activity, string council, string operation, long startTimestamp, Exception exception)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        var kind = exception is OperationCanceledException ? "canceled" : exception.GetType().Name;
        var tags = new TagList { { CouncilTag, council }, { OperationTag, operation }, { OutcomeTag, kind } };
        Requests.Add(1, tags);
        Duration.Record(elapsed, tags);
        if (exception is not OperationCanceledException)
        {
            Failures.Add(1, new TagList { { CouncilTag, council }, { OperationTag, operation }, { ErrorTypeTag, kind } });
        }

        if (activity is not null)
        {
            activity.SetTag(OutcomeTag, kind);
            activity.SetTag(ErrorTypeTag, kind);
            if (activity.GetTagItem(AttemptsTag) is null)
            {
                activity.SetTag(AttemptsTag, 1);
            }

            if (exception is ModernGovException { StatusCode: { } status })
            {
                activity.SetTag(StatusTag, (int)status);
            }

            // The message (also part of ToString, the default stack trace) is replaced: it quotes the URL with its query (which can hold a resident's postcode) and the body.
            var statusText = (exception as ModernGovException)?.StatusCode is { } code ? $" (HTTP {(int)code})" : string.Empty;
            activity.AddException(exception, new TagList { { "exception.message", kind + statusText }, { "exception.stacktrace", exception.StackTrace ?? string.Empty } });
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        }
    }

    /// <summary>Called with each response body's size; tags the current operation's span with the status.</summary>
    public static void RecordResponse(ModernGovRequestContext context, int status, long bytes)
    {
        ResponseSize.Record(bytes, new TagList { { CouncilTag, context.Council }, { OperationTag, context.Operation } });
        if (Activity.Current is { } activity && activity.Source == Source)
        {
            activity.SetTag(StatusTag, status);
            activity.SetTag("http.response.body.size", bytes);
        }
    }

    public static void RecordParse(ModernGovRequestContext context, long startTimestamp) =>
        ParseDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new TagList { { CouncilTag, context.Council }, { OperationTag, context.Operation } });

    /// <summary>Called by the retry strategy before each retry: counts it and tags the operation's span with the attempts so far.</summary>
    public static void RecordRetry(string council, OnRetryArguments<HttpResponseMessage> args)
    {
        var operation = OperationOf(args.Outcome.Result?.RequestMessage?.RequestUri) ?? "unknown";
        if (Activity.Current is { } activity && activity.Source == Source)
        {
            operation = activity.GetTagItem(OperationTag) as string ?? operation;
            activity.SetTag(AttemptsTag, args.AttemptNumber + 2);
            activity.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
            {
                { "localgov.retry.attempt", args.AttemptNumber + 1 },
                { "localgov.retry.delay_ms", args.RetryDelay.TotalMilliseconds },
                { StatusTag, args.Outcome.Result is { } r ? (int)r.StatusCode : null },
                { ErrorTypeTag, args.Outcome.Exception?.GetType().Name },
            }));
        }

        Retries.Add(1, new TagList { { CouncilTag, council }, { OperationTag, operation } });
    }

    public static void RecordCacheRead(string council, string operation, string result) =>
        CacheReads.Add(1, new TagList { { CouncilTag, council }, { OperationTag, operation }, { CacheResultTag, result } });

    internal static string WithoutQuery(Uri uri) => uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Path) : uri.OriginalString.Split('?')[0];

    private static string? OperationOf(Uri? uri) => uri is { IsAbsoluteUri: true } ? uri.Segments[^1].Trim('/') : null;
}
