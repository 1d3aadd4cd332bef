using LocalGov.Open311;
using SpeedingReport.Reports;

namespace SpeedingReport.Delivery.Open311;

/// <summary>Turns a stored report into an Open311 submission, with the directory's attribute mapping.</summary>
internal static class Open311SubmissionMapper
{
    private const int MaxDescription = 4000;

    public static Open311Submission Map(DeliveryRequest request, Open311Target target)
    {
        var report = request.Report;
        var (first, last) = SplitName(report.ReporterName);
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (field, code) in target.Attributes)
        {
            var values = Field(request, field);
            if (values.Count == 0)
            {
                continue;
            }

            if (target.AttributeValues.TryGetValue(code, out var keys))
            {
                values = [.. values.Select(v => keys.GetValueOrDefault(v, v))];
            }

            attributes[code] = values;
        }

        return new Open311Submission
        {
            ServiceCode = target.ServiceCode,
            Latitude = report.Location.Latitude,
            Longitude = report.Location.Longitude,
            AddressString = string.Join(", ", new[] { report.Road, report.PlaceDescription, report.Location.ParishName ?? report.Location.DistrictName }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Email = report.ReporterEmail,
            FirstName = first,
            LastName = last,
            Phone = report.ReporterPhone,
            Description = Describe(request),
            Attributes = attributes,
        };
    }

    private static IReadOnlyList<string> Field(DeliveryRequest request, string field)
    {
        var report = request.Report;
        static IReadOnlyList<string> One(string? value) => string.IsNullOrWhiteSpace(value) ? [] : [value];
        if (field.StartsWith("answer:", StringComparison.Ordinal))
        {
            return One(report.RoutingAnswers.GetValueOrDefault(field["answer:".Length..]));
        }

        return field switch
        {
            "road" => One(report.Road),
            "placeDescription" => One(report.PlaceDescription),
            "days" => report.Days,
            "times" => report.Times,
            "whatSeen" => One(report.WhatSeen),
            "reference" => One(request.Reference),
            "parishCode" => One(report.Location.ParishCode),
            "parishName" => One(report.Location.ParishName),
            "districtCode" => One(report.Location.DistrictCode),
            "districtName" => One(report.Location.DistrictName),
            "dealtWithBy" => One(report.DealtWithBy.ToString().ToLowerInvariant()),
            _ => throw new InvalidOperationException($"The open311 attribute mapping names an unknown report field '{field}'."),
        };
    }

    /// <summary>Everything a case officer needs in one text, for servers that take no attributes.</summary>
    private static string Describe(DeliveryRequest request)
    {
        var report = request.Report;
        var lines = new List<string> { report.WhatSeen.Trim(), "", $"Road: {report.Road}" };
        if (!string.IsNullOrWhiteSpace(report.PlaceDescription))
        {
            lines.Add($"Where: {report.PlaceDescription}");
        }

        if (report.Days.Count > 0)
        {
            lines.Add($"Days: {string.Join(", ", report.Days)}");
        }

        if (report.Times.Count > 0)
        {
            lines.Add($"Times: {string.Join(", ", report.Times)}");
        }

        lines.Add($"Reference: {request.Reference}");
        var text = string.Join('\n', lines);
        return text.Length <= MaxDescription ? text : string.Concat(text.AsSpan(0, MaxDescription - 1), "…");
    }

    private static (string? First, string? Last) SplitName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space <= 0 ? (trimmed, null) : (trimmed[..space].Trim(), trimmed[(space + 1)..]);
    }
}
