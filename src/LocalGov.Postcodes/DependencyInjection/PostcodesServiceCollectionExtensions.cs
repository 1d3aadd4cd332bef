using LocalGov.Postcodes.Internal;
using LocalGov.Postcodes.MapIt;
using LocalGov.Postcodes.PostcodesIo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the postcodes.io and MapIt clients with options validation and the standard resilience handler.</summary>
public static class PostcodesServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PostcodesIoClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (base URL, bulk chunking, timeout), or null for the public service.</param>
    /// <param name="configureResilience">Adjusts the standard resilience handler (retries, timeouts), or null for its defaults.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddPostcodesIoClient(this IServiceCollection services, Action<PostcodesIoClientOptions>? configure = null, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptionsWithValidateOnStart<PostcodesIoClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddPostcodesIoCore(services, configureResilience);
    }

    /// <summary>Registers <see cref="PostcodesIoClient"/> bound to a configuration section (e.g. <c>"PostcodesIo"</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section holding <c>BaseAddress</c>, <c>BulkChunkSize</c>, <c>MaxConcurrentBulkRequests</c>, <c>AttemptTimeout</c>.</param>
    /// <param name="configureResilience">Adjusts the standard resilience handler, or null for its defaults.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddPostcodesIoClient(this IServiceCollection services, IConfigurationSection section, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptionsWithValidateOnStart<PostcodesIoClientOptions>().Bind(section);
        return AddPostcodesIoCore(services, configureResilience);
    }

    /// <summary>Registers <see cref="MapItClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (base URL, API key, timeout), or null for the public service without a key.</param>
    /// <param name="configureResilience">Adjusts the standard resilience handler, or null for its defaults.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddMapItClient(this IServiceCollection services, Action<MapItClientOptions>? configure = null, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptionsWithValidateOnStart<MapItClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddMapItCore(services, configureResilience);
    }

    /// <summary>Registers <see cref="MapItClient"/> bound to a configuration section (e.g. <c>"MapIt"</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section holding <c>BaseAddress</c>, <c>ApiKey</c>, <c>AttemptTimeout</c>.</param>
    /// <param name="configureResilience">Adjusts the standard resilience handler, or null for its defaults.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddMapItClient(this IServiceCollection services, IConfigurationSection section, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptionsWithValidateOnStart<MapItClientOptions>().Bind(section);
        return AddMapItCore(services, configureResilience);
    }

    private static IHttpClientBuilder AddPostcodesIoCore(IServiceCollection services, Action<HttpStandardResilienceOptions>? configureResilience)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostcodesIoClientOptions>, PostcodesIoClientOptionsValidator>());
        var builder = services
            .AddHttpClient(PostcodesIoClient.HttpClientName, (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<PostcodesIoClientOptions>>().Value;
                http.BaseAddress = ClientPlumbing.EnsureTrailingSlash(options.BaseAddress);

                // The resilience handler owns timeouts (per attempt and in total).
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddTypedClient((http, sp) => new PostcodesIoClient(http, sp.GetRequiredService<IOptions<PostcodesIoClientOptions>>().Value, PackageLogger(sp)));
        AddResilience(builder, "postcodes.io", sp => sp.GetRequiredService<IOptions<PostcodesIoClientOptions>>().Value.AttemptTimeout, sp => sp.GetRequiredService<IOptions<PostcodesIoClientOptions>>().Value.MaxRetryAfter, configureResilience);
        return builder;
    }

    private static IHttpClientBuilder AddMapItCore(IServiceCollection services, Action<HttpStandardResilienceOptions>? configureResilience)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MapItClientOptions>, MapItClientOptionsValidator>());
        var builder = services
            .AddHttpClient(MapItClient.HttpClientName, (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<MapItClientOptions>>().Value;
                http.BaseAddress = ClientPlumbing.EnsureTrailingSlash(options.BaseAddress);
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddTypedClient((http, sp) => new MapItClient(http, sp.GetRequiredService<IOptions<MapItClientOptions>>().Value, PackageLogger(sp)));
        AddResilience(builder, "MapIt", sp => sp.GetRequiredService<IOptions<MapItClientOptions>>().Value.AttemptTimeout, sp => sp.GetRequiredService<IOptions<MapItClientOptions>>().Value.MaxRetryAfter, configureResilience);
        return builder;
    }

    private static Microsoft.Extensions.Logging.ILogger? PackageLogger(IServiceProvider sp) =>
        sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("LocalGov.Postcodes");

    private static void AddResilience(IHttpClientBuilder builder, string service, Func<IServiceProvider, TimeSpan> attemptTimeout, Func<IServiceProvider, TimeSpan> maxRetryAfter, Action<HttpStandardResilienceOptions>? configureResilience)
    {
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
        {
            var logger = sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("LocalGov.Postcodes");
            resilience.Retry.OnRetry = args =>
            {
                PostcodesTelemetry.RecordRetry(service, args);
                if (logger is not null)
                {
                    var failure = args.Outcome.Exception?.GetType().Name ?? (args.Outcome.Result is { } r ? "HTTP " + (int)r.StatusCode : "no response");
                    PostcodesLog.Retrying(logger, service, args.AttemptNumber + 1, failure, args.RetryDelay.TotalMilliseconds);
                }

                return ValueTask.CompletedTask;
            };

            var attempt = attemptTimeout(sp);
            resilience.AttemptTimeout.Timeout = attempt;

            // The handler would wait whatever Retry-After says (a date in 2099 overflows its timer): a wait up to
            // the cap is honoured, a longer one is not retried at all, so the caller gets the 429 at once.
            var cap = maxRetryAfter(sp);
            resilience.Retry.ShouldRetryAfterHeader = false;
            var shouldHandle = resilience.Retry.ShouldHandle;
            resilience.Retry.ShouldHandle = args => HttpCall.RetryAfter(args.Outcome.Result) is { } wait && wait > cap ? ValueTask.FromResult(false) : shouldHandle(args);
            resilience.Retry.DelayGenerator = args => ValueTask.FromResult(HttpCall.RetryAfter(args.Outcome.Result) is { } wait && wait <= cap ? (TimeSpan?)wait : null);

            // The standard handler requires total > attempt and the breaker's sampling window ≥ 2 × attempt.
            if (resilience.TotalRequestTimeout.Timeout <= attempt)
            {
                resilience.TotalRequestTimeout.Timeout = attempt * 4;
            }

            if (resilience.CircuitBreaker.SamplingDuration < attempt * 2)
            {
                resilience.CircuitBreaker.SamplingDuration = attempt * 2;
            }

            configureResilience?.Invoke(resilience);
        });
    }
}
