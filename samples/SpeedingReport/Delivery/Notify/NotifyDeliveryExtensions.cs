using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;

namespace SpeedingReport.Delivery.Notify;

/// <summary>Registers GOV.UK Notify as the "email" delivery channel, with its settings checked at start.</summary>
public static class NotifyDeliveryExtensions
{
    /// <summary>Adds <see cref="NotifyEmailChannel"/> and validates <c>SpeedingReport:Notify</c> when the app starts.</summary>
    public static IServiceCollection AddNotifyDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotifyOptions>().Bind(configuration.GetSection(NotifyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotifyOptions>, NotifyOptionsValidator>();

        // No retry handler: a POST that Notify may have taken is not repeated here; the delivery worker retries with backoff.
        services.AddHttpClient(NotifyEmailChannel.HttpClientName);
        services.AddSingleton<IDeliveryChannel, NotifyEmailChannel>();
        return services;
    }

    /// <summary>As <see cref="AddNotifyDelivery"/>, except in demo mode, where nothing leaves the machine.</summary>
    public static IServiceCollection AddNotifyDeliveryUnlessDemo(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(SpeedingReportOptions.SectionName).Get<SpeedingReportOptions>() ?? new SpeedingReportOptions();
        return settings.IsDemo ? services : services.AddNotifyDelivery(configuration);
    }

    private sealed class NotifyOptionsValidator : IValidateOptions<NotifyOptions>
    {
        public ValidateOptionsResult Validate(string? name, NotifyOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
