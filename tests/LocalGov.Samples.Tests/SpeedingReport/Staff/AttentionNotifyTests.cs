using Microsoft.Extensions.DependencyInjection;
using SpeedingReport.Delivery;
using SpeedingReport.Staff.Attention;
using LocalGov.Samples.Tests.SpeedingReport.Notify;

namespace LocalGov.Samples.Tests.SpeedingReport.Staff;

/// <summary>Out of demo mode the summary goes through GOV.UK Notify with its own template, which must then be configured.</summary>
public sealed class AttentionNotifyTests
{
    private static readonly Guid SummaryTemplate = Guid.Parse("2e7a0c7a-9c6f-4d65-9c7e-5a4f3b2c1d0e");

    private static Dictionary<string, string?> Live(Uri notify) => new()
    {
        ["SpeedingReport:DemoPostcodes"] = "",
        ["SpeedingReport:DemoModernGovParishCouncils"] = "",
        ["PostcodesIo:BaseAddress"] = "http://127.0.0.1:9/",
        ["SpeedingReport:Delivery:WorkerEnabled"] = "false",
        ["SpeedingReport:Notify:ApiKey"] = NotifyStandIn.ApiKey,
        ["SpeedingReport:Notify:ReportTemplateId"] = Guid.NewGuid().ToString(),
        ["SpeedingReport:Notify:ConfirmationTemplateId"] = Guid.NewGuid().ToString(),
        ["SpeedingReport:Notify:BaseUrl"] = notify.AbsoluteUri,
        ["SpeedingReport:Staff:Attention:SummaryEmail"] = "road-safety@council.invalid",
    };

    [Fact]
    public async Task With_a_summary_address_the_app_does_not_start_without_the_summary_template()
    {
        await using var factory = new ConfiguredFactory(Live(new Uri("http://127.0.0.1:9/")));

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("SpeedingReport:Notify:AttentionSummaryTemplateId must be the id (a UUID)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_is_sent_with_its_template_its_id_as_the_reference_and_no_residents_details()
    {
        await using var notify = await NotifyStandIn.StartAsync();
        notify.AddTemplate(new NotifyTemplate(SummaryTemplate, "((subject))", "((summary))\n\n((count)) for ((period)), ((council))"));
        var settings = Live(notify.BaseAddress);
        settings["SpeedingReport:Notify:AttentionSummaryTemplateId"] = SummaryTemplate.ToString();
        await using var factory = new ConfiguredFactory(settings);
        using var client = factory.CreateClient();
        var sender = factory.Services.GetRequiredService<IAttentionSummarySender>();
        var id = Guid.NewGuid();
        var message = new AttentionSummaryMessage("Speeding reports: 1 delivery needs attention", "1 delivery …\n* SR-7KQ4-MXP9: report to the body", 1, "2026-12-02T08:00Z");

        var outcome = await sender.SendAsync(id, "road-safety@council.invalid", message, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Delivered, outcome.Kind);
        var sent = Assert.Single(notify.Received);
        Assert.Equal((201, SummaryTemplate.ToString(), "road-safety@council.invalid", id.ToString()), (sent.AnsweredStatus, sent.TemplateId, sent.EmailAddress, sent.Reference));
        Assert.Equal(["subject", "summary", "count", "period", "council"], sent.Personalisation.Keys);
        Assert.Equal((message.Subject, message.Body, "1", "2026-12-02T08:00Z"), (sent.Personalisation["subject"], sent.Personalisation["summary"], sent.Personalisation["count"], sent.Personalisation["period"]));
    }
}
