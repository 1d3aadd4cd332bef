using LocalGov.ServiceStandard.Assessments;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IBankHolidaySource"/>: GOV.UK's bank holiday list, read through IHttpClientFactory and cached.</summary>
public static class BankHolidaysServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBankHolidaySource"/> reading <see cref="GovUkBankHolidaysOptions.Url"/> (or a saved file) with the
    /// standard resilience handler, kept for <see cref="GovUkBankHolidaysOptions.CacheDuration"/>, falling back to the snapshot.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the URL, file or cache duration; null for GOV.UK's list, kept a day.</param>
    /// <returns>The list's HttpClient builder, to chain a proxy or handlers.</returns>
    public static IHttpClientBuilder AddGovUkBankHolidays(this IServiceCollection services, Action<GovUkBankHolidaysOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GovUkBankHolidaysOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.Url.IsAbsoluteUri && o.CacheDuration > TimeSpan.Zero && o.RetryAfterFailure > TimeSpan.Zero && o.MaxResponseBytes > 0, "GovUkBankHolidaysOptions: Url must be absolute, durations and MaxResponseBytes positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IBankHolidaySource>(sp => ActivatorUtilities.CreateInstance<GovUkBankHolidaySource>(sp));
        var builder = services.AddHttpClient(GovUkBankHolidaySource.HttpClientName);
        builder.AddStandardResilienceHandler();
        return builder;
    }
}
