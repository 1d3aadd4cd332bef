using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeedingReport.Configuration;

namespace SpeedingReport.Retention;

/// <summary>The retention job (UK GDPR storage limitation) and its read model for the staff pages.</summary>
public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddReportRetention(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => Parses(o.Period), "SpeedingReport:Retention:Period must be e.g. \"13 months\", \"90 days\" or a positive time span.")
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize > 0, "SpeedingReport:Retention: Interval and BatchSize must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RetentionService>();
        services.AddSingleton<RetentionQueries>();
        if (configuration.GetValue(RetentionOptions.SectionName + ":Enabled", true))
        {
            services.AddHostedService<RetentionWorker>();
        }

        return services;
    }

    private static bool Parses(string period)
    {
        try
        {
            _ = RetentionPeriod.Parse(period);
            return true;
        }
        catch (SpeedingReportConfigurationException)
        {
            return false;
        }
    }
}
