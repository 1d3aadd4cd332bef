using System.Diagnostics;
using System.Diagnostics.Metrics;
using Polly.Retry;

namespace LocalGov.Diagnostics;

/// <summary>
/// One package's span source and meter for calls to a remote service, and how a call's outcome, retries, responses and
/// parsing are recorded. Compiled into each client package (ModernGov, Postcodes, Open311) from this one file, so every
/// package names its own source, meter and instruments while they all record the same way. Each package chooses the
/// tags that scope a call (the council, the service, the server) and never passes anything personal or secret.
/// </summary>
internal sealed class RemoteCallTelemetry
{
    public const string OperationTag = "localgov.operation";
    public const string OutcomeTag = "localgov.outcome";
    public const string AttemptsTag = "localgov.attempts";
    public const string ErrorTypeTag = "error.type";
    public const string StatusTag = "http.response.status_code";
    public const string UrlTag = "url.full";
    public const string ServerTag = "server.address";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _failures;
    private readonly Histogram<long> _responseSize;
    private readonly Histogram<double> _parseDuration;

    /// <param name="name">The source and meter name, e.g. <c>LocalGov.Open311</c>.</param>
    /// <param name="metricPrefix">The instruments' prefix, e.g. <c>localgov.open311</c>.</param>
    /// <param name="version">The package version the source and meter report.</param>
    /// <param name="what">What one call is, for the instruments' descriptions, e.g. "Calls to Open311 endpoints".</param>
    /// <param name="retried">What is retried, for the retry counter's description.</param>
    public RemoteCallTelemetry(string name, string metricPrefix, string version, string what, string retried)
    {
        Name = name;
        Source = new ActivitySource(name, version);
        Meter = new Meter(name, version);
        _requests = Meter.CreateCounter<long>(metricPrefix + ".requests", "{request}", what + ", by outcome.");
        _duration = Meter.CreateHistogram<double>(metricPrefix + ".request.duration", "s", "Time per call, retries and parsing included.");
        _retries = Meter.CreateCounter<long>(metricPrefix + ".retries", "{retry}", "Retries of failed attempts (" + retried + ").");
        _failures = Meter.CreateCounter<long>(metricPrefix + ".failures", "{failure}", "Calls that ended in an error, by error type.");
        _responseSize = Meter.CreateHistogram<long>(metricPrefix + ".response.size", "By", "Response body sizes.");
        _parseDuration = Meter.CreateHistogram<double>(metricPrefix + ".parse.duration", "s", "Time to parse a response body.");
    }

    public string Name { get; }

    public ActivitySource Source { get; }

    /// <summary>The meter, for a package's own further instruments (ModernGov's cache reads).</summary>
    // Like the source, it lives as long as the process: the package holds one instance in a static field.
    public Meter Meter { get; }

    /// <summary>"canceled" or the exception's type name: the outcome and error type of a failed call.</summary>
    public static string KindOf(Exception exception) => exception is OperationCanceledException ? "canceled" : exception.GetType().Name;

    /// <summary>The operation's name without the C# <c>Async</c> suffix.</summary>
    public static string Trim(string operation) => operation.EndsWith("Async", StringComparison.Ordinal) ? operation[..^5] : operation;

    /// <summary>
    /// Runs one call inside a client span tagged with <paramref name="spanTags"/>, counting it by
    /// <paramref name="scope"/> (which holds the operation) and outcome; a failure is recorded, passed to
    /// <paramref name="onFailure"/> (the package's log event) unless canceled, and rethrown.
    /// </summary>
    public async Task<T> TraceAsync<T>(string displayName, TagList spanTags, TagList scope, Func<Exception, int?> statusOf, Action<Exception> onFailure, Func<Task<T>> call)
    {
        using var activity = Source.StartActivity(displayName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            foreach (var tag in spanTags)
            {
                activity.SetTag(tag.Key, tag.Value);
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call().ConfigureAwait(false);
            RecordSuccess(activity, scope, started);
            return result;
        }
        catch (Exception ex)
        {
            RecordFailure(activity, scope, started, ex, statusOf(ex));
            if (ex is not OperationCanceledException)
            {
                onFailure(ex);
            }

            throw;
        }
    }

    public void RecordSuccess(Activity? activity, TagList scope, long startTimestamp)
    {
        RecordOutcome(activity, scope, startTimestamp, "success");
        activity?.SetStatus(ActivityStatusCode.Ok);
    }

    /// <summary>Counts a failed call and marks its span, whose exception event never carries the exception's message.</summary>
    public void RecordFailure(Activity? activity, TagList scope, long startTimestamp, Exception exception, int? status)
    {
        var kind = KindOf(exception);
        RecordOutcome(activity, scope, startTimestamp, kind);
        if (exception is not OperationCanceledException)
        {
            var tags = scope;
            tags.Add(ErrorTypeTag, kind);
            _failures.Add(1, tags);
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag(ErrorTypeTag, kind);
        if (status is { } code)
        {
            activity.SetTag(StatusTag, code);
        }

        // The message (also part of ToString) is replaced: it can quote a URL's query, a postcode or a server's body,
        // which can echo what a resident wrote.
        activity.AddException(exception, new TagList
        {
            { "exception.message", kind + (status is { } s ? $" (HTTP {s})" : string.Empty) },
            { "exception.stacktrace", exception.StackTrace ?? string.Empty },
        });
        activity.SetStatus(ActivityStatusCode.Error, kind);
    }

    /// <summary>Called with each body read: its size, and the status and (already redacted) URL on the current span.</summary>
    public void RecordResponse(TagList scope, int status, long bytes, string? redactedUrl)
    {
        _responseSize.Record(bytes, scope);
        if (Activity.Current is { } activity && activity.Source == Source)
        {
            activity.SetTag(StatusTag, status);
            activity.SetTag("http.response.body.size", bytes);
            if (redactedUrl is not null)
            {
                activity.SetTag(UrlTag, redactedUrl);
            }
        }
    }

    public void RecordParse(TagList scope, long startTimestamp) => _parseDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, scope);

    /// <summary>
    /// Called by the retry strategy before each retry: an event and the attempts so far on the current span, and the
    /// retry counted under <paramref name="scope"/> plus the span's operation (or <paramref name="fallbackOperation"/>).
    /// </summary>
    public void RecordRetry(OnRetryArguments<HttpResponseMessage> args, TagList scope, string fallbackOperation)
    {
        var operation = fallbackOperation;
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

        var tags = scope;
        tags.Add(OperationTag, operation);
        _retries.Add(1, tags);
    }

    private void RecordOutcome(Activity? activity, TagList scope, long startTimestamp, string outcome)
    {
        var tags = scope;
        tags.Add(OutcomeTag, outcome);
        _requests.Add(1, tags);
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        if (activity is not null)
        {
            activity.SetTag(OutcomeTag, outcome);
            if (activity.GetTagItem(AttemptsTag) is null)
            {
                activity.SetTag(AttemptsTag, 1);
            }
        }
    }
}
