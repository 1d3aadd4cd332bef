using System.Net;
using LocalGov.Open311;
using LocalGov.Open311.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="Open311Client"/> with options validated at start and the standard resilience handler.</summary>
/// <remarks>
/// Retries: GET calls are retried as the standard handler does (5xx, 408, 429, timeouts, the network). <c>POST requests</c>
/// is retried only when the server cannot have made the request: the connection was never made, or the answer was 429.
/// A timeout or a 5xx after the form was sent is not retried, because the case system may have created the case anyway
/// and a second POST would file the report twice; the caller sees <see cref="Open311TransportException"/> or
/// <see cref="Open311ServiceException"/> and decides (a delivery queue retries later, after checking). A
/// <c>Retry-After</c> is waited for inside the call only when it fits in the total timeout with one more attempt; a
/// longer one is not retried, and the caller gets <see cref="Open311ServiceException.RetryAfter"/> to schedule by.
/// </remarks>
public static class Open311ServiceCollectionExtensions
{
    /// <summary>Registers <see cref="Open311Client"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (<see cref="Open311ClientOptions.BaseAddress"/> at least).</param>
    /// <param name="configureResilience">Adjusts the standard resilience handler, or null for its defaults.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddOpen311Client(this IServiceCollection services, Action<Open311ClientOptions> configure, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptionsWithValidateOnStart<Open311ClientOptions>().Configure(configure);
        return AddCore(services, configureResilience);
    }

    /// <summary>Registers <see cref="Open311Client"/> bound to a configuration section (e.g. <c>"Open311"</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section holding <c>BaseAddress</c>, <c>Format</c>, <c>ApiKey</c>, <c>JurisdictionId</c>, <c>Timeout</c>, <c>MaxResponseBytes</c>, <c>MultiValueStyle</c>.</param>
    /// <param name="configureResilience">Adjusts the standard resilience handler, or null for its defaults.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddOpen311Client(this IServiceCollection services, IConfigurationSection section, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptionsWithValidateOnStart<Open311ClientOptions>().Bind(section);
        return AddCore(services, configureResilience);
    }

    /// <summary>
    /// Adds the standard resilience handler with Open311's rules (no blind retry of <c>POST requests</c>, see the type's
    /// remarks) to any HTTP client, for applications that build <see cref="Open311Client"/>s themselves, e.g. one per
    /// council endpoint over <see cref="System.Net.Http.IHttpClientFactory"/>.
    /// </summary>
    /// <param name="builder">The HTTP client builder.</param>
    /// <param name="attemptTimeout">Time allowed for one attempt (default 30 seconds).</param>
    /// <param name="configureResilience">Adjusts the handler, or null.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddOpen311Resilience(this IHttpClientBuilder builder, TimeSpan? attemptTimeout = null, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var timeout = attemptTimeout ?? new Open311ClientOptions().Timeout;
        builder.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        AddResilience(builder, _ => timeout, configureResilience);
        return builder;
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, Action<HttpStandardResilienceOptions>? configureResilience)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Open311ClientOptions>, Open311ClientOptionsValidator>());
        var builder = services
            .AddHttpClient(Open311Client.HttpClientName, (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<Open311ClientOptions>>().Value;
                http.BaseAddress = options.BaseAddress is { } b && !b.AbsoluteUri.EndsWith('/') ? new Uri(b.AbsoluteUri + "/") : options.BaseAddress;

                // The resilience handler owns timeouts (per attempt and in total).
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddTypedClient((http, sp) => new Open311Client(http, sp.GetRequiredService<IOptions<Open311ClientOptions>>().Value, PackageLogger(sp)));
        AddResilience(builder, sp => sp.GetRequiredService<IOptions<Open311ClientOptions>>().Value.Timeout, configureResilience);
        return builder;
    }

    private static void AddResilience(IHttpClientBuilder builder, Func<IServiceProvider, TimeSpan> attemptTimeout, Action<HttpStandardResilienceOptions>? configureResilience)
    {
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
        {
            var attempt = attemptTimeout(sp);
            resilience.AttemptTimeout.Timeout = attempt;

            // The standard handler requires total > attempt and the breaker's sampling window ≥ 2 × attempt.
            if (resilience.TotalRequestTimeout.Timeout <= attempt)
            {
                resilience.TotalRequestTimeout.Timeout = attempt * 4;
            }

            if (resilience.CircuitBreaker.SamplingDuration < attempt * 2)
            {
                resilience.CircuitBreaker.SamplingDuration = attempt * 2;
            }

            var logger = PackageLogger(sp);
            resilience.Retry.OnRetry = args =>
            {
                Open311Telemetry.RecordRetry(args);
                if (logger is not null)
                {
                    var failure = args.Outcome.Exception?.GetType().Name ?? (args.Outcome.Result is { } r ? "HTTP " + (int)r.StatusCode : "no response");
                    var operation = System.Diagnostics.Activity.Current is { } activity && activity.Source == Open311Telemetry.Source ? activity.GetTagItem(Open311Telemetry.OperationTag) as string ?? "call" : "call";
                    Open311Log.Retrying(logger, operation, args.AttemptNumber + 1, failure, args.RetryDelay.TotalMilliseconds);
                }

                return ValueTask.CompletedTask;
            };

            var standard = resilience.Retry.ShouldHandle;
            resilience.Retry.ShouldHandle = args =>
            {
                // A Retry-After longer than the call has left is not waited for inside the call (it would end in a
                // timeout that loses the server's answer): the caller gets the error with RetryAfter and schedules.
                if (WaitsLongerThanTheCall(args.Outcome, resilience))
                {
                    return ValueTask.FromResult(false);
                }

                return args.Context.GetRequestMessage()?.Method == HttpMethod.Post ? ValueTask.FromResult(PostIsSafeToRetry(args.Outcome)) : standard(args);
            };

            configureResilience?.Invoke(resilience);
        });
    }

    /// <summary>Both the clients and the retry strategy log under the package's name, so one filter covers them.</summary>
    private static Microsoft.Extensions.Logging.ILogger? PackageLogger(IServiceProvider sp) =>
        sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("LocalGov.Open311");

    private static bool WaitsLongerThanTheCall(Outcome<HttpResponseMessage> outcome, HttpStandardResilienceOptions resilience) =>
        outcome.Result is { } response
        && Open311Http.RetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow) is { } wait
        && wait + resilience.AttemptTimeout.Timeout >= resilience.TotalRequestTimeout.Timeout;

    /// <summary>True only when the server cannot have acted on the POST: never connected, or told us to slow down.</summary>
    private static bool PostIsSafeToRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        || outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests;
}
