using System.Globalization;
using SpeedingReport.Routing;

namespace SpeedingReport.Delivery.Notify;

/// <summary>
/// The personalisation sent with both emails. Notify needs a value for every ((placeholder)) in a template and ignores
/// the rest, so both templates get the same fields and a council uses the ones it wants (README lists them).
/// </summary>
internal static class NotifyPersonalisation
{
    /// <summary>The field names, in the order README documents them.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "reference", "received_at", "recipient_name", "dealt_with_by", "reason", "location", "latitude", "longitude",
        "parish", "district", "road", "place", "days", "times", "what_seen", "answers", "reporter_name",
        "reporter_email", "reporter_phone",
    ];

    private const string NotGiven = "Not given";

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static Dictionary<string, dynamic> For(DeliveryRequest request, RoutingConfiguration routing, string councilName)
    {
        var report = request.Report;
        var location = report.Location;
        var received = TimeZoneInfo.ConvertTime(request.ReceivedAt, UkTime);
        var answers = report.RoutingAnswers
            .Select(a => (Question: routing.FindQuestion(a.Key), a.Value))
            .Select(a => a.Question is null
                ? $"{a.Value}"
                : $"{a.Question.ShortText ?? a.Question.Text}: {a.Question.Options.FirstOrDefault(o => o.Value == a.Value)?.Text ?? a.Value}");
        return new Dictionary<string, dynamic>(StringComparer.Ordinal)
        {
            ["reference"] = request.Reference,
            ["received_at"] = received.ToString("d MMMM yyyy 'at' h:mmtt", CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal),
            ["recipient_name"] = report.Recipient.Name,
            ["dealt_with_by"] = report.DealtWithBy == ResponsibleBody.Parish ? $"{location.ParishName} parish council" : councilName,
            ["reason"] = report.RuleExplanation,
            ["location"] = location.Description,
            ["latitude"] = location.Latitude.ToString("0.#####", CultureInfo.InvariantCulture),
            ["longitude"] = location.Longitude.ToString("0.#####", CultureInfo.InvariantCulture),
            ["parish"] = location.ParishName ?? "Not in a parish",
            ["district"] = location.DistrictName,
            ["road"] = report.Road,
            ["place"] = Or(report.PlaceDescription),
            ["days"] = List(report.Days),
            ["times"] = List(report.Times),
            ["what_seen"] = report.WhatSeen,
            ["answers"] = string.Join("\n", answers.DefaultIfEmpty(NotGiven)),
            ["reporter_name"] = report.ReporterName,
            ["reporter_email"] = report.ReporterEmail,
            ["reporter_phone"] = Or(report.ReporterPhone),
        };
    }

    private static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? NotGiven : value;

    private static string List(IReadOnlyList<string> values) =>
        values.Count == 0 ? NotGiven : string.Join(", ", values.Select(v => v.Length == 0 ? v : char.ToUpperInvariant(v[0]) + v[1..]));
}
