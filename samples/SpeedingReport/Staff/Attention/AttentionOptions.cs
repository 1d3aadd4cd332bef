namespace SpeedingReport.Staff.Attention;

/// <summary>
/// Deliveries that need attention (section <c>SpeedingReport:Staff:Attention</c>): the page <c>/staff/attention</c>
/// and the email summary, sent once a period (by default daily at 08:00 UTC) when anything needs attention.
/// </summary>
public sealed class AttentionOptions
{
    public const string SectionName = "SpeedingReport:Staff:Attention";

    /// <summary>A delivery still pending (or awaiting its remote id) this long after its report was stored is stuck.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Where the summary goes (a team mailbox). Without it no summary is sent; the page still works.</summary>
    public string? SummaryEmail { get; set; }

    /// <summary>The time of day (UTC) the periods start; the summary for a period goes as soon as it starts.</summary>
    public TimeSpan SummaryAt { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a period is: one day by default; e.g. <c>04:00:00</c> for a summary every four hours.</summary>
    public TimeSpan SummaryEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an instance holds a period while sending, and how long after a failed send it is tried again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Optional: the service's address (e.g. <c>https://speeding.example.gov.uk/</c>), to put links in the summary.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The most deliveries the page and the summary list one by one; the rest are counted.</summary>
    public int MaxListed { get; set; } = 200;

    /// <summary>Why the settings cannot be used, or null.</summary>
    internal string? Problem()
    {
        if (StuckAfter <= TimeSpan.Zero)
        {
            return $"{SectionName}:StuckAfter must be positive (e.g. 01:00:00).";
        }

        if (SummaryAt < TimeSpan.Zero || SummaryAt >= TimeSpan.FromDays(1))
        {
            return $"{SectionName}:SummaryAt must be a time of day (UTC) from 00:00:00 to 23:59:59.";
        }

        if (SummaryEvery < TimeSpan.FromMinutes(1) || SummaryEvery > TimeSpan.FromDays(7))
        {
            return $"{SectionName}:SummaryEvery must be from one minute (00:01:00) to seven days (7.00:00:00).";
        }

        if (RetryAfter <= TimeSpan.Zero)
        {
            return $"{SectionName}:RetryAfter must be positive.";
        }

        if (MaxListed < 1)
        {
            return $"{SectionName}:MaxListed must be at least 1.";
        }

        if (!string.IsNullOrWhiteSpace(SummaryEmail) && (SummaryEmail.Contains(' ', StringComparison.Ordinal) || SummaryEmail.IndexOf('@', StringComparison.Ordinal) is < 1 || SummaryEmail.EndsWith('@')))
        {
            return $"{SectionName}:SummaryEmail must be one email address.";
        }

        return ServiceUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
            ? $"{SectionName}:ServiceUrl must be an absolute http(s) URL."
            : null;
    }
}
