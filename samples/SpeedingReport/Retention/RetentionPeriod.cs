using System.Globalization;
using SpeedingReport.Configuration;

namespace SpeedingReport.Retention;

/// <summary>
/// How long a closed report keeps the resident's personal data: calendar months ("13 months", the default), days
/// ("90 days") or a time span ("396.00:00:00"). Months are calendar months, as a retention schedule states them.
/// </summary>
public sealed record RetentionPeriod
{
    private RetentionPeriod(int months, TimeSpan span)
    {
        Months = months;
        Span = span;
    }

    /// <summary>Whole calendar months, or 0 when the period is a <see cref="Span"/>.</summary>
    public int Months { get; }

    public TimeSpan Span { get; }

    public static RetentionPeriod Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (parts[1].ToLowerInvariant())
            {
                case "month" or "months" when n <= 1200:
                    return new RetentionPeriod(n, TimeSpan.Zero);
                case "day" or "days" when n <= 36500:
                    return new RetentionPeriod(0, TimeSpan.FromDays(n));
            }
        }
        else if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return new RetentionPeriod(0, span);
        }

        throw new SpeedingReportConfigurationException(
            "SpeedingReport:Retention:Period",
            $"'{text}' is not a retention period: write e.g. \"13 months\", \"90 days\" or a positive time span such as \"396.00:00:00\".");
    }

    /// <summary>When a report closed at <paramref name="closedAt"/> is due to be anonymised: the first moment <see cref="ClosedOnOrBefore"/> includes it.</summary>
    public DateTimeOffset DueAt(DateTimeOffset closedAt)
    {
        if (Months == 0)
        {
            return closedAt + Span;
        }

        // 31 January + 1 month is 28 February, but 28 February − 1 month is 28 January: such a report is due on 1 March.
        var due = closedAt.AddMonths(Months);
        return due.AddMonths(-Months) >= closedAt ? due : new DateTimeOffset(due.Year, due.Month, 1, 0, 0, 0, due.Offset).AddMonths(1);
    }

    /// <summary>Reports closed at or before this, at <paramref name="now"/>, are due.</summary>
    public DateTimeOffset ClosedOnOrBefore(DateTimeOffset now) => Months > 0 ? now.AddMonths(-Months) : now - Span;

    public override string ToString() => Months > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Months} month{(Months == 1 ? "" : "s")}")
        : Span.Ticks % TimeSpan.TicksPerDay == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(int)Span.TotalDays} days") : Span.ToString("c", CultureInfo.InvariantCulture);
}
