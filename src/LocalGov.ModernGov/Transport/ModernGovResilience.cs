using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace LocalGov.ModernGov;

/// <summary>
/// The resilience settings for one council, shared by the DI registration (the standard resilience handler) and
/// <see cref="ModernGovClient.CreateResilientHandler"/> (the same strategies, without DI).
/// </summary>
internal static class ModernGovResilience
{
    /// <summary>Defaults fit for slow council servers; anything set later with <c>Configure&lt;HttpStandardResilienceOptions&gt;</c> wins.</summary>
    public static void ApplyDefaults(HttpStandardResilienceOptions resilience, ModernGovCouncilOptions options, string council = "council", Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        resilience.Retry.OnRetry = args =>
        {
            ModernGovTelemetry.RecordRetry(council, args);
            if (logger is not null)
            {
                var failure = args.Outcome.Exception?.GetType().Name ?? (args.Outcome.Result is { } r ? "HTTP " + (int)r.StatusCode : "no response");
                var operation = args.Outcome.Result?.RequestMessage?.RequestUri?.Segments[^1] ?? "operation";
                ModernGovLog.Retrying(logger, council, operation, args.AttemptNumber + 1, failure, args.RetryDelay.TotalMilliseconds);
            }

            return ValueTask.CompletedTask;
        };
        var attempt = options.EffectiveAttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.Timeout;
        resilience.AttemptTimeout.Timeout = attempt;
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts);
        resilience.Retry.Delay = options.RetryDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        var retries = options.MaxRetryAttempts > 0;
        // A Retry-After is honoured only when it fits in the whole call's budget: one in 2099 (or 10^17 seconds away) would
        // otherwise be handed to a timer that cannot take it, or waited for past the timeout. Beyond the budget the answer
        // stands as the server's error instead.
        var budget = options.Timeout;
        resilience.Retry.ShouldRetryAfterHeader = false;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(retries && IsTransient(args.Outcome) && !(RetryAfter(args.Outcome.Result) > budget));
        resilience.Retry.DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result) is { } wait && wait <= budget ? (TimeSpan?)wait : null);
        // The breaker must sample over at least two attempts' worth of time.
        var sampling = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, attempt.Ticks * 2));
        resilience.CircuitBreaker.SamplingDuration = sampling;
    }

    /// <summary>
    /// The standard handler's strategies in its order (total timeout, retry, circuit breaker, attempt timeout) with the
    /// council's defaults. Its concurrency limiter is left out: it only guards a process's own fan-out, which DI users share.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(ModernGovCouncilOptions options, string council = "council")
    {
        var resilience = new HttpStandardResilienceOptions();
        ApplyDefaults(resilience, options, council);
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(resilience.TotalRequestTimeout)
            .AddRetry(resilience.Retry)
            .AddCircuitBreaker(resilience.CircuitBreaker)
            .AddTimeout(resilience.AttemptTimeout)
            .Build();
    }

    /// <summary>The response's <c>Retry-After</c> as a wait from now (a past date is zero), or null when absent or unparsable.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retry = response?.Headers.RetryAfter;
        if (retry?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retry?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null)
        {
            return false;
        }

        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        // ASMX reports an unknown method or a missing parameter as 500 with a text/plain stack trace: retrying cannot help.
        if (response.StatusCode == HttpStatusCode.InternalServerError && response.Content.Headers.ContentType?.MediaType == "text/plain")
        {
            return false;
        }

        return status >= 500;
    }
}
