namespace SpeedingReport.Delivery.Notify;

/// <summary>
/// GOV.UK Notify settings (section <c>SpeedingReport:Notify</c>), checked at start when the app is not in demo mode.
/// The templates are made in Notify's web interface; README lists the personalisation fields they can use.
/// </summary>
public sealed class NotifyOptions
{
    public const string SectionName = "SpeedingReport:Notify";

    /// <summary>The API key from Notify ("API integration"): <c>{key name}-{service id}-{secret}</c>. A test key sends nothing, for trying it out.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The email template for the report to the parish clerk or the district team.</summary>
    public string ReportTemplateId { get; set; } = "";

    /// <summary>The email template for the resident's confirmation.</summary>
    public string ConfirmationTemplateId { get; set; } = "";

    /// <summary>
    /// The email template for the staff summary of deliveries that need attention; needed only when
    /// <c>SpeedingReport:Staff:Attention:SummaryEmail</c> is set (checked then).
    /// </summary>
    public string AttentionSummaryTemplateId { get; set; } = "";

    /// <summary>Optional: the reply-to address (its id in Notify's settings) for both emails; else the service's default.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>Notify's API; a test points it at a stand-in.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.notifications.service.gov.uk/");

    /// <summary>How long one send may take before it counts as a transient failure (the worker tries again later).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Why the settings cannot be used, or null. Never repeats the key.</summary>
    internal string? Problem()
    {
        // The official client takes the service id and secret from the last 73 characters; both are UUIDs.
        if (string.IsNullOrWhiteSpace(ApiKey) || ApiKey.Length < 74 || ApiKey.Contains(' ', StringComparison.Ordinal)
            || !Guid.TryParse(ApiKey.AsSpan(ApiKey.Length - 73, 36), out _) || !Guid.TryParse(ApiKey.AsSpan(ApiKey.Length - 36), out _))
        {
            return "SpeedingReport:Notify:ApiKey must be a GOV.UK Notify API key ({key name}-{service id}-{secret key}).";
        }

        if (!Guid.TryParse(ReportTemplateId, out _))
        {
            return "SpeedingReport:Notify:ReportTemplateId must be the id (a UUID) of the email template for the report to the parish or district.";
        }

        if (!Guid.TryParse(ConfirmationTemplateId, out _))
        {
            return "SpeedingReport:Notify:ConfirmationTemplateId must be the id (a UUID) of the email template for the resident's confirmation.";
        }

        if (!string.IsNullOrWhiteSpace(ReplyToId) && !Guid.TryParse(ReplyToId, out _))
        {
            return "SpeedingReport:Notify:ReplyToId must be the id (a UUID) of a reply-to address in Notify, or left out.";
        }

        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("https" or "http") || (BaseUrl.Scheme == "http" && !BaseUrl.IsLoopback))
        {
            return "SpeedingReport:Notify:BaseUrl must be an https URL.";
        }

        return Timeout <= TimeSpan.Zero ? "SpeedingReport:Notify:Timeout must be positive." : null;
    }
}
