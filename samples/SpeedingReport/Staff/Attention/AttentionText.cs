using System.Globalization;
using System.Text.RegularExpressions;
using SpeedingReport.Delivery;
using SpeedingReport.Storage;

namespace SpeedingReport.Staff.Attention;

/// <summary>How the page and the summary word a delivery's kind, state and age, the same in both.</summary>
public static partial class AttentionText
{
    public static string Kind(DeliveryKind kind) => kind switch
    {
        DeliveryKind.ToResponsibleBody => "Report to the body",
        DeliveryKind.ConfirmationToResident => "Confirmation to the resident",
        _ => kind.ToString(),
    };

    public static string Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Failed => "Failed",
        DeliveryStatus.AwaitingId => "Stuck: waiting for the case system's id",
        DeliveryStatus.Pending => "Stuck: not sent yet",
        _ => status.ToString(),
    };

    /// <summary>"45 minutes", "3 hours", "2 days": whole units, rounded down, as a person reads an age.</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.FromHours(1))
        {
            return Count((int)Math.Max(0, age.TotalMinutes), "minute");
        }

        return age < TimeSpan.FromDays(2) ? Count((int)age.TotalHours, "hour") : Count((int)age.TotalDays, "day");
    }

    /// <summary>The threshold as a phrase: "1 hour", "30 minutes", "2 days".</summary>
    public static string Threshold(TimeSpan threshold) => Age(threshold);

    /// <summary>
    /// A failure reason with any email address replaced: reasons come from remote systems and could quote one, and the
    /// summary leaves the service by email, so it carries nothing of a resident's beyond the reference.
    /// </summary>
    public static string? WithoutEmailAddresses(string? reason) => reason is null ? null : EmailAddress().Replace(reason, "[email address]");

    private static string Count(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");

    [GeneratedRegex(@"[^\s@<>()""',;:]+@[^\s@<>()""',;:]+\.[^\s@<>()""',;:]+")]
    private static partial Regex EmailAddress();
}
