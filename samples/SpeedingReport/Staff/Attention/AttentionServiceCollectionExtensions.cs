using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;
using SpeedingReport.Delivery;
using SpeedingReport.Delivery.Notify;

namespace SpeedingReport.Staff.Attention;

/// <summary>The page of deliveries that need attention, and (with a summary address) the summary email worker.</summary>
public static class AttentionServiceCollectionExtensions
{
    public static IServiceCollection AddDeliveryAttention(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AttentionOptions>().Bind(configuration.GetSection(AttentionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AttentionOptions>, AttentionOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AttentionQueries>();

        var app = configuration.GetSection(SpeedingReportOptions.SectionName).Get<SpeedingReportOptions>() ?? new SpeedingReportOptions();
        if (app.IsDemo)
        {
            services.TryAddSingleton<DemoOutboxChannel>();
            services.AddSingleton<IAttentionSummarySender, DemoOutboxAttentionSummarySender>();
        }
        else
        {
            services.TryAddSingleton<NotifyEmailChannel>();
            services.AddSingleton<IAttentionSummarySender, NotifyAttentionSummarySender>();
        }

        services.AddSingleton<AttentionSummaryService>();
        if (!string.IsNullOrWhiteSpace(configuration[AttentionOptions.SectionName + ":SummaryEmail"]))
        {
            services.AddHostedService<AttentionSummaryWorker>();
            if (!app.IsDemo)
            {
                services.AddOptions<NotifyOptions>()
                    .Validate(o => Guid.TryParse(o.AttentionSummaryTemplateId, out _), "SpeedingReport:Notify:AttentionSummaryTemplateId must be the id (a UUID) of the email template for the staff summary, as SpeedingReport:Staff:Attention:SummaryEmail is set.");
            }
        }

        return services;
    }

    private sealed class AttentionOptionsValidator : IValidateOptions<AttentionOptions>
    {
        public ValidateOptionsResult Validate(string? name, AttentionOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
