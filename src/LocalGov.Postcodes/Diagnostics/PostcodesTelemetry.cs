using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Polly.Retry;

namespace LocalGov.Postcodes.Internal;

/// <summary>
/// The package's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/> (static, because the
/// clients are also built without DI). Tags never hold a postcode, a query string or MapIt's API key (sent as a header).
/// </summary>
internal static class PostcodesTelemetry
{
    public const string Name = "LocalGov.Postcodes";

    public const string ServiceTag = "localgov.service";
    public const string OperationTag = "localgov.operation";
    public const string OutcomeTag = "localgov.outcome";
    public const string AttemptsTag = "localgov.attempts";
    public const string ErrorTypeTag = "error.type";
    public const string StatusTag = "http.response.status_code";
    public const string UrlTag = "url.full";

    private static readonly string Version = typeof(PostcodesTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("localgov.postcodes.requests", "{request}", "Calls to postcodes.io and MapIt, by outcome.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("localgov.postcodes.request.duration", "s", "Time per call, retries and parsing included.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("localgov.postcodes.retries", "{retry}", "Retries of failed attempts.");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("localgov.postcodes.failures", "{failure}", "Calls that ended in an error, by error type.");

    public static readonly Histogram<long> ResponseSize = Meter.CreateHistogram<long>("localgov.postcodes.response.size", "By", "Response body sizes.");

    public static readonly Histogram<double> ParseDuration = Meter.CreateHistogram<double>("localgov.postcodes.parse.duration", "s", "Time to deserialize a response body.");

    /// <summary>Runs one remote call inside its span, recording the outcome.</summary>
    public static async Task<T> TraceAsync<T>(string service, string operation, Uri? baseAddress, ILogger logger, Func<Task<T>> call)
    {
        var name = operation.EndsWith("Async", StringComparison.Ordinal) ? operation[..^5] : operation;
        using var activity = Source.StartActivity(service + " " + name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ServiceTag, service);
            activity.SetTag(OperationTag, name);
            if (baseAddress is { IsAbsoluteUri: true })
            {
                activity.SetTag("server.address", baseAddress.Host);
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call().ConfigureAwait(false);
            Record(activity, service, name, started, "success");
            activity?.SetStatus(ActivityStatusCode.Ok);
            return result;
        }
        catch (Exception ex)
        {
            var kind = ex is OperationCanceledException ? "canceled" : ex.GetType().Name;
            Record(activity, service, name, started, kind);
            if (ex is not OperationCanceledException)
            {
                Failures.Add(1, new TagList { { ServiceTag, service }, { OperationTag, name }, { ErrorTypeTag, kind } });
                PostcodesLog.Failed(logger, service, name, ex);
            }

            if (activity is not null)
            {
                activity.SetTag(ErrorTypeTag, kind);
                if (ex is PostcodesServiceException service1)
                {
                    activity.SetTag(StatusTag, service1.StatusCode);
                }

                // The message (also part of ToString, the default stack trace) is replaced: it can quote the postcode asked for.
                activity.AddException(ex, new TagList
                {
                    { "exception.message", kind + (ex is PostcodesServiceException { StatusCode: var code } ? $" (HTTP {code})" : string.Empty) },
                    { "exception.stacktrace", ex.StackTrace ?? string.Empty },
                });
                activity.SetStatus(ActivityStatusCode.Error, kind);
            }

            throw;
        }
    }

    /// <summary>Called with each body read: its size, and the status and redacted URL on the current span.</summary>
    public static void RecordResponse(string service, string operation, Uri? requestUri, int status, long bytes)
    {
        ResponseSize.Record(bytes, new TagList { { ServiceTag, service }, { OperationTag, Trim(operation) } });
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

    public static void RecordParse(string service, string operation, long startTimestamp) =>
        ParseDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new TagList { { ServiceTag, service }, { OperationTag, Trim(operation) } });

    /// <summary>Called by the retry strategy before each retry.</summary>
    public static void RecordRetry(string service, OnRetryArguments<HttpResponseMessage> args)
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

        Retries.Add(1, new TagList { { ServiceTag, service }, { OperationTag, operation } });
    }

    /// <summary>
    /// The URL with no query and only its first path segment kept (<c>/postcodes/{…}</c>): paths carry postcodes and
    /// coordinates, which can place a resident.
    /// </summary>
    internal static string Redact(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = segments.Length switch
        {
            0 => "/",
            1 => "/" + segments[0],
            _ => "/" + segments[0] + "/{…}",
        };
        return uri.GetLeftPart(UriPartial.Authority) + path;
    }

    private static void Record(Activity? activity, string service, string operation, long started, string outcome)
    {
        var tags = new TagList { { ServiceTag, service }, { OperationTag, operation }, { OutcomeTag, outcome } };
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
