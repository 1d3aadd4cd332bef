using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace SpeedingReport.Delivery;

/// <summary>The subject and plain-text body of each message, with the reference in both; the demo outbox stores these.</summary>
public sealed class ReportMessages(RoutingConfiguration routing, IOptions<SpeedingReportOptions> options)
{
    /// <summary>Europe/London (UTC where the zone is not installed): the time residents and staff read.</summary>
    internal static readonly TimeZoneInfo UkTime = FindUkTime();

    public (string Subject, string Body) Compose(DeliveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Kind == DeliveryKind.ToResponsibleBody ? ToBody(request) : ToResident(request);
    }

    /// <summary>When the report was received, in UK time, as a resident reads it ("1 December 2026 at 8:15pm").</summary>
    public static string FormatReceived(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, UkTime);
        return local.ToString("d MMMM yyyy 'at' h:mm", CultureInfo.InvariantCulture) + (local.Hour < 12 ? "am" : "pm");
    }

    public string Where(ReportSubmission report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var area = report.Location.ParishName is null ? $"{report.Location.DistrictName}, not in a parish" : $"{report.Location.ParishName} parish, {report.Location.DistrictName}";
        return $"{report.Road}{(report.PlaceDescription is null ? "" : $" ({report.PlaceDescription})")}, {report.Location.Description} ({area})";
    }

    public static string When(ReportSubmission report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var days = report.Days.Count == 7 ? "Every day" : string.Join(", ", report.Days.Select(ReportOptions.DayText));
        var times = report.Times.Count == 4 ? "at all times" : string.Join(", ", report.Times.Select(ReportOptions.TimeText)).ToLowerInvariant();
        return $"{days}; {times}";
    }

    private (string, string) ToBody(DeliveryRequest request)
    {
        var r = request.Report;
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"A resident has reported speeding traffic through {options.Value.CouncilName}'s \"Report speeding traffic\" service.");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Reference: {request.Reference}");
        body.AppendLine(CultureInfo.InvariantCulture, $"Received: {FormatReceived(request.ReceivedAt)}");
        body.AppendLine(CultureInfo.InvariantCulture, $"Where: {Where(r)}");
        body.AppendLine(CultureInfo.InvariantCulture, $"Map position: {r.Location.Latitude.ToString(CultureInfo.InvariantCulture)}, {r.Location.Longitude.ToString(CultureInfo.InvariantCulture)}");
        body.AppendLine(CultureInfo.InvariantCulture, $"When: {When(r)}");
        body.AppendLine();
        body.AppendLine("What they have seen:");
        body.AppendLine(r.WhatSeen);
        body.AppendLine();
        foreach (var question in routing.Questions)
        {
            if (r.RoutingAnswers.TryGetValue(question.Id, out var value))
            {
                var text = question.Options.FirstOrDefault(o => o.Value == value)?.Text ?? value;
                body.AppendLine(CultureInfo.InvariantCulture, $"{question.ShortText ?? question.Text}: {text}");
            }
        }

        body.AppendLine(CultureInfo.InvariantCulture, $"Why it came to you: {r.RuleExplanation}");
        if (r.Recipient.SourceNote is not null)
        {
            body.AppendLine(r.Recipient.SourceNote);
        }

        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Reported by: {r.ReporterName}");
        body.AppendLine(CultureInfo.InvariantCulture, $"Email: {r.ReporterEmail}");
        if (r.ReporterPhone is not null)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"Phone: {r.ReporterPhone}");
        }

        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"The resident has been sent a confirmation with the reference {request.Reference}. Please quote it when you reply to them.");
        return ($"Speeding report {request.Reference}: {r.Road}, {r.Location.ParishName ?? r.Location.DistrictName}", body.ToString());
    }

    private (string, string) ToResident(DeliveryRequest request)
    {
        var r = request.Report;
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"Dear {r.ReporterName},");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Thank you for reporting speeding traffic. Your reference is {request.Reference}.");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"We have sent your report to {r.Recipient.Name}. {r.RuleExplanation}");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Where: {Where(r)}");
        body.AppendLine(CultureInfo.InvariantCulture, $"When: {When(r)}");
        body.AppendLine(CultureInfo.InvariantCulture, $"Received: {FormatReceived(request.ReceivedAt)}");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"They may contact you at this email address{(r.ReporterPhone is null ? "" : " or by phone")}. Quote your reference {request.Reference} if you contact them.");
        body.AppendLine();
        body.AppendLine(options.Value.CouncilName);
        return ($"Your speeding report {request.Reference}", body.ToString());
    }

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
