using System.Globalization;
using System.Text;

namespace SpeedingReport.Staff.Attention;

/// <summary>
/// The summary email: a count, then the deliveries grouped by body with their references, then one entry per
/// delivery with its kind, state, attempts, age and last reason (the shape of FixMyStreet's morning summary of
/// reports that had problems sending). It names reports by reference only: no resident's name, address or words.
/// </summary>
/// <param name="Subject">The email's subject.</param>
/// <param name="Body">The plain-text body.</param>
/// <param name="Count">How many deliveries need attention.</param>
/// <param name="Period">The period it is for (its start, UTC).</param>
public sealed record AttentionSummaryMessage(string Subject, string Body, int Count, string Period)
{
    private const string Rule = "================================================================";

    public static AttentionSummaryMessage Compose(AttentionList list, string period, AttentionOptions options, string councilName)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(options);
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"{Deliveries(list.Total)} of speeding reports to {councilName} {Need(list.Total)} attention: {list.FailedCount} failed, {list.StuckCount} not delivered after {AttentionText.Threshold(list.StuckAfter)}.");
        body.AppendLine();
        body.AppendLine("By body:");
        foreach (var group in list.Items.GroupBy(i => i.BodyName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var references = group.Select(i => i.Reference).Distinct(StringComparer.Ordinal);
            body.AppendLine(CultureInfo.InvariantCulture, $"{group.Key} ({group.Count()}): {string.Join(", ", references)}");
        }

        foreach (var item in list.Items)
        {
            body.AppendLine();
            body.AppendLine(Rule);
            body.AppendLine();
            body.AppendLine(CultureInfo.InvariantCulture, $"* {item.Reference}: {AttentionText.Kind(item.Kind).ToLowerInvariant()} ({item.BodyName})");
            body.AppendLine(CultureInfo.InvariantCulture, $"  {AttentionText.Status(item.Status)}, {Attempts(item.AttemptCount)}, {AttentionText.Age(item.Age)} old");
            if (AttentionText.WithoutEmailAddresses(item.LastError) is { } reason)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"  Last reason: {reason}");
            }

            if (Link(options, $"staff/reports/{Uri.EscapeDataString(item.Reference)}") is { } link)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"  {link}");
            }
        }

        if (list.Total > list.Items.Count)
        {
            body.AppendLine();
            body.AppendLine(CultureInfo.InvariantCulture, $"… and {list.Total - list.Items.Count} more (the oldest {list.Items.Count} are listed).");
        }

        body.AppendLine();
        body.AppendLine(Rule);
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"See them all, and re-send or close them, at {Link(options, "staff/attention") ?? "/staff/attention in the service"}.");
        return new AttentionSummaryMessage($"Speeding reports: {Deliveries(list.Total)} {Need(list.Total)} attention", body.ToString(), list.Total, period);
    }

    private static string Deliveries(int n) => n == 1 ? "1 delivery" : string.Create(CultureInfo.InvariantCulture, $"{n} deliveries");

    private static string Need(int n) => n == 1 ? "needs" : "need";

    private static string Attempts(int n) => n == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{n} attempts");

    private static string? Link(AttentionOptions options, string path) =>
        options.ServiceUrl is { } root ? new Uri(new Uri(root.AbsoluteUri.TrimEnd('/') + "/"), path).AbsoluteUri : null;
}
