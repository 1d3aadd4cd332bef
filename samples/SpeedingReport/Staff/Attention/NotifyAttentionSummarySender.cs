using System.Globalization;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;
using SpeedingReport.Delivery;
using SpeedingReport.Delivery.Notify;

namespace SpeedingReport.Staff.Attention;

/// <summary>
/// The summary through GOV.UK Notify with <see cref="NotifyOptions.AttentionSummaryTemplateId"/>. The template can use
/// ((subject)), ((summary)) (the whole text), ((count)), ((period)) and ((council)).
/// </summary>
internal sealed class NotifyAttentionSummarySender(NotifyEmailChannel notify, IOptions<NotifyOptions> options, IOptions<SpeedingReportOptions> app) : IAttentionSummarySender
{
    public Task<DeliveryOutcome> SendAsync(Guid messageId, string emailAddress, AttentionSummaryMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var personalisation = new Dictionary<string, dynamic>(StringComparer.Ordinal)
        {
            ["subject"] = message.Subject,
            ["summary"] = message.Body,
            ["count"] = message.Count.ToString(CultureInfo.InvariantCulture),
            ["period"] = message.Period,
            ["council"] = app.Value.CouncilName,
        };
        return notify.SendAsync(emailAddress, options.Value.AttentionSummaryTemplateId, personalisation, messageId, cancellationToken);
    }
}
