using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeedingReport.Configuration;

namespace SpeedingReport.Delivery;

/// <summary>The delivery worker and, in demo mode, the demo outbox as the "email" channel.</summary>
public static class DeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddReportDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName))
            .Validate(o => o.BatchSize > 0 && o.Concurrency > 0 && o.MaxAttempts > 0, "SpeedingReport:Delivery: BatchSize, Concurrency and MaxAttempts must be positive.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.BaseDelay > TimeSpan.Zero && o.MaxDelay >= o.BaseDelay, "SpeedingReport:Delivery: LeaseDuration, PollInterval and BaseDelay must be positive and MaxDelay at least BaseDelay.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeliverySignal>();
        services.AddSingleton<ReportMessages>();
        services.AddSingleton<DeliveryProcessor>();
        if (configuration.GetValue(DeliveryOptions.SectionName + ":WorkerEnabled", true))
        {
            services.AddHostedService<DeliveryWorker>();
        }

        // Demo mode (demo postcodes or demo Modern.Gov): messages go to the demo outbox, never to a real address.
        var section = configuration.GetSection(SpeedingReportOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(section["DemoPostcodes"]) || !string.IsNullOrWhiteSpace(section["DemoModernGovParishCouncils"]))
        {
            services.AddSingleton<IDeliveryChannel, DemoOutboxChannel>();
        }

        return services;
    }
}
