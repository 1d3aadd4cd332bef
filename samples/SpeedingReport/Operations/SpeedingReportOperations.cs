using LocalGov.ModernGov;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Polly.Telemetry;
using SpeedingReport.Configuration;
using SpeedingReport.Contacts;

namespace SpeedingReport.Operations;

/// <summary>
/// What running the sample in production needs: the Modern.Gov cache (stale-if-error), OpenTelemetry traces and
/// metrics (OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), quieter Polly logs, and the health checks served at
/// <c>/health/live</c> and <c>/health/ready</c>.
/// </summary>
public static class SpeedingReportOperations
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The tag of the checks <c>/health/live</c> runs (only that the process answers).</summary>
    public const string LiveTag = "live";

    /// <summary>The names of the LocalGov packages' ActivitySources and Meters.</summary>
    public static readonly string[] LocalGovSources = ["LocalGov.ModernGov", "LocalGov.Postcodes", "LocalGov.Boundaries", "LocalGov.Open311"];

    public static IServiceCollection AddSpeedingReportOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Parish clerks through HybridCache: a Modern.Gov outage serves the last good list (the page says how old).
        services.AddModernGovCache(configuration.GetSection("ModernGov:Cache"));
        services.AddOptions<ModernGovCacheOptions>().Configure<IOptions<SpeedingReportOptions>>((cache, app) => cache.ParishCouncils = app.Value.ModernGovCacheDuration);

        // Polly logs every attempt at Information; one line per outgoing request is noise in production logs.
        services.Configure<TelemetryOptions>(o => o.SeverityProvider = args =>
            args.Event.EventName == "ExecutionAttempt" && args.Event.Severity == ResilienceEventSeverity.Information ? ResilienceEventSeverity.Debug : args.Event.Severity);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("SpeedingReport"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddSource(LocalGovSources))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(LocalGovSources));
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Endpoint, protocol (OTEL_EXPORTER_OTLP_PROTOCOL: grpc or http/protobuf) and headers come from the standard variables.
            telemetry.UseOtlpExporter();
        }

        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process answers."), [LiveTag])
            .AddCheck<AreaIndexHealthCheck>("boundaries", tags: [ReadyTag])
            .AddCheck<NotifyConfigurationHealthCheck>("notify-configuration", tags: [ReadyTag])
            // postcodes.io down degrades the service (residents can still give coordinates) but keeps it in the load balancer.
            .AddPostcodesIoHealthCheck(failureStatus: HealthStatus.Degraded, tags: [ReadyTag])
            // Reachable and migrated, else Unhealthy; Degraded when the oldest waiting delivery is too old.
            .AddCheck<ReportDatabaseHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10));
        services.AddOptions<ReportDatabaseHealthOptions>()
            .Bind(configuration.GetSection(ReportDatabaseHealthOptions.SectionName))
            .Validate(o => o.MaxPendingDeliveryAge > TimeSpan.Zero, $"{ReportDatabaseHealthOptions.SectionName}:MaxPendingDeliveryAge must be more than zero.")
            .ValidateOnStart();
        if (!string.IsNullOrWhiteSpace(configuration[$"{SpeedingReportOptions.SectionName}:DemoModernGovParishCouncils"]) || !string.IsNullOrWhiteSpace(configuration["ModernGov:BaseUrl"]))
        {
            // Degraded, not unhealthy: with the cache and the contact directory the service still works.
            services.AddHealthChecks().AddModernGovHealthCheck(
                ContactFinder.ModernGovCouncilName,
                failureStatus: HealthStatus.Degraded,
                tags: [ReadyTag],
                timeout: TimeSpan.FromSeconds(10),
                probe: async (client, ct) => (await client.GetParishCouncilsAsync(ct)).Count);
        }

        return services;
    }

    public static WebApplication MapSpeedingReportHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag), ResponseWriter = HealthJsonWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthJsonWriter.WriteAsync });
        return app;
    }
}
