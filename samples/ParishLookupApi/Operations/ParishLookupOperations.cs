using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Polly.Telemetry;

namespace ParishLookupApi.Operations;

/// <summary>
/// OpenTelemetry traces and metrics (OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), quieter Polly logs, and
/// <c>/health/live</c> and <c>/health/ready</c> (the parish index loaded; postcodes.io answering).
/// </summary>
public static class ParishLookupOperations
{
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";

    public static readonly string[] LocalGovSources = ["LocalGov.Postcodes", "LocalGov.Boundaries"];

    public static IServiceCollection AddParishLookupOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<TelemetryOptions>(o => o.SeverityProvider = args =>
            args.Event.EventName == "ExecutionAttempt" && args.Event.Severity == ResilienceEventSeverity.Information ? ResilienceEventSeverity.Debug : args.Event.Severity);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("ParishLookupApi"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddSource(LocalGovSources))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(LocalGovSources));
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process answers."), [LiveTag])
            .AddParishResolverHealthCheck(tags: [ReadyTag])
            // Points are still answered without postcodes.io, so its failure degrades rather than fails readiness.
            .AddPostcodesIoHealthCheck(failureStatus: HealthStatus.Degraded, tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapParishLookupHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag), ResponseWriter = HealthJsonWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthJsonWriter.WriteAsync });
        return app;
    }
}
