using Microsoft.Extensions.DependencyInjection;
using SpeedingReport.Delivery;
using SpeedingReport.Delivery.Notify;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>Out of demo mode the app sends email through GOV.UK Notify, and will not start without its settings.</summary>
public sealed class NotifyRegistrationTests
{
    private static readonly Dictionary<string, string?> Live = new()
    {
        ["SpeedingReport:DemoPostcodes"] = "",
        ["SpeedingReport:DemoModernGovParishCouncils"] = "",
        ["PostcodesIo:BaseAddress"] = "http://127.0.0.1:9/",
    };

    [Fact]
    public async Task Out_of_demo_mode_the_app_does_not_start_without_notify_settings()
    {
        await using var factory = new ConfiguredFactory(Live);

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("SpeedingReport:Notify:ApiKey must be a GOV.UK Notify API key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_notify_settings_the_email_channel_is_notify()
    {
        var settings = new Dictionary<string, string?>(Live)
        {
            ["SpeedingReport:Notify:ApiKey"] = Notify.NotifyStandIn.ApiKey,
            ["SpeedingReport:Notify:ReportTemplateId"] = Guid.NewGuid().ToString(),
            ["SpeedingReport:Notify:ConfirmationTemplateId"] = Guid.NewGuid().ToString(),
        };
        await using var factory = new ConfiguredFactory(settings);
        using var client = factory.CreateClient();

        var channel = Assert.Single(factory.Services.GetServices<IDeliveryChannel>(), c => c.Name == "email");

        Assert.IsType<NotifyEmailChannel>(channel);
        Assert.Equal("email", channel.Name);
    }

    [Fact]
    public async Task In_demo_mode_nothing_is_sent_through_notify()
    {
        await using var factory = new SpeedingReportFactory();
        using var client = factory.CreateClient();

        Assert.DoesNotContain(factory.Services.GetServices<IDeliveryChannel>(), c => c is NotifyEmailChannel);
    }
}
