using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Polly.Retry;

namespace LocalGov.Open311.Internal;

/// <summary>
/// The package's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/> (static,
/// because clients are also built without DI). Tags hold the operation, the endpoint and the outcome only: never the
/// API key, the jurisdiction or any query, and nothing of a submission (a resident's name, email, text or position).
/// </summary>
internal static class Open311Telemetry
{
    public const string Name = "LocalGov.Open311";

    public const string OperationTag = "localgov.operation";
    public const string OutcomeTag = "localgov.outcome";
    public const string AttemptsTag = "localgov.attempts";
    public const string ErrorTypeTag = "error.type";
    public const string StatusTag = "http.response.status_code";
    public const string UrlTag = "url.full";
    public const string ServerTag = "server.address";

    private static readonly string Version = typeof(Open311Telemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("localgov.open311.requests", "{request}", "Calls to Open311 endpoints, by operation and outcome.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("localgov.open311.request.duration", "s", "Time per call, retries and parsing included.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("localgov.open311.retries", "{retry}", "Retries of failed attempts (a POST only when the server cannot have acted on it).");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("localgov.open311.failures", "{failure}", "Calls that ended in an error, by error type.");

    public static readonly Histogram<long> ResponseSize = Meter.CreateHistogram<long>("localgov.open311.response.size", "By", "Response body sizes.");

    public static readonly Histogram<double> ParseDuration = Meter.CreateHistogram<double>("localgov.open311.parse.duration", "s", "Time to parse a response body (JSON or XML).");

    /// <summary>Runs one remote call inside its span, recording the outcome, and logs a failure.</summary>
    public static async Task<T> TraceAsync<T>(string operation, Uri baseAddress, ILogger logger, Func<Task<T>> call)
    {
        var name = Trim(operation);
        var server = baseAddress.IsAbsoluteUri ? baseAddress.Host : "unknown";
        using var activity = Source.StartActivity("Open311 " + name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationTag, name);
            activity.SetTag(ServerTag, server);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call().ConfigureAwait(false);
            Record(activity, name, server, started, "success");
            activity?.SetStatus(ActivityStatusCode.Ok);
            return result;
        }
        catch (Exception ex)
        {
            var kind = ex is OperationCanceledException ? "canceled" : ex.GetType().Name;
            Record(activity, name, server, started, kind);
            if (ex is not OperationCanceledException)
            {
                Failures.Add(1, new TagList { { OperationTag, name }, { ServerTag, server }, { ErrorTypeTag, kind } });
                Open311Log.Failed(logger, name, server, ex);
            }

            if (activity is not null)
            {
                activity.SetTag(ErrorTypeTag, kind);
                var status = ex switch
                {
                    Open311ServiceException s => (int?)s.StatusCode,
                    Open311InvalidResponseException i => i.StatusCode,
                    _ => null,
                };
                if (status is { } code)
                {
                    activity.SetTag(StatusTag, code);
                }

                // The message is replaced: a server's error text can echo what the resident wrote.
                activity.AddException(ex, new TagList
                {
                    { "exception.message", kind + (status is { } s2 ? $" (HTTP {s2})" : string.Empty) },
                    { "exception.stacktrace", ex.StackTrace ?? string.Empty },
                });
                activity.SetStatus(ActivityStatusCode.Error, kind);
            }

            throw;
        }
    }

    /// <summary>Called with each body read: its size, and the status and redacted URL on the current span.</summary>
    public static void RecordResponse(string operation, Uri? requestUri, int status, long bytes)
    {
        ResponseSize.Record(bytes, new TagList { { OperationTag, Trim(operation) } });
        if (Activity.Current is { } activity && activity.Source == Source)
        {
            activity.SetTag(StatusTag, status);
            activity.SetTag("http.response.body.size", bytes);
            if (requestUri is { IsAbsoluteUri: true })
            {
                activity.SetTag(UrlTag, Redact(requestUri));
            }
        }
    }

    public static void RecordParse(string operation, long startTimestamp) =>
        ParseDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new TagList { { OperationTag, Trim(operation) } });

    /// <summary>Called by the retry strategy before each retry.</summary>
    public static void RecordRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        var operation = "unknown";
        if (Activity.Current is { } activity && activity.Source == Source)
        {
            operation = activity.GetTagItem(OperationTag) as string ?? operation;
            activity.SetTag(AttemptsTag, args.AttemptNumber + 2);
            activity.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
            {
                { "localgov.retry.attempt", args.AttemptNumber + 1 },
                { StatusTag, args.Outcome.Result is { } r ? (int)r.StatusCode : null },
                { ErrorTypeTag, args.Outcome.Exception?.GetType().Name },
            }));
        }

        Retries.Add(1, new TagList { { OperationTag, operation } });
    }

    /// <summary>The URL without its query (the jurisdiction and, on some servers, the API key travel there).</summary>
    internal static string Redact(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    private static void Record(Activity? activity, string operation, string server, long started, string outcome)
    {
        var tags = new TagList { { OperationTag, operation }, { ServerTag, server }, { OutcomeTag, outcome } };
        Requests.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        if (activity is not null)
        {
            activity.SetTag(OutcomeTag, outcome);
            if (activity.GetTagItem(AttemptsTag) is null)
            {
                activity.SetTag(AttemptsTag, 1);
            }
        }
    }

    private static string Trim(string operation) => operation.EndsWith("Async", StringComparison.Ordinal) ? operation[..^5] : operation;
}
