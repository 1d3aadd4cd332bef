using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Staff;

namespace SpeedingReport.Pages.Staff;

/// <summary>The list's filters as they come in the query string (shared by the list and the export), checked into a <see cref="StaffReportFilter"/>.</summary>
public sealed class StaffListQuery
{
    public static readonly IReadOnlyList<(string Value, StaffReportState State)> States =
    [
        ("failed", StaffReportState.Failed),
        ("in-progress", StaffReportState.InProgress),
        ("delivered", StaffReportState.Delivered),
        ("closed", StaffReportState.Closed),
    ];

    [FromQuery(Name = "state")]
    public string? State { get; set; }

    [FromQuery(Name = "body")]
    public string? Body { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>The filter, or the errors (field id, message) that stop it being applied.</summary>
    public (StaffReportFilter Filter, List<FieldError> Errors) Check()
    {
        var errors = new List<FieldError>();
        StaffReportState? state = null;
        if (!string.IsNullOrEmpty(State))
        {
            var match = States.FirstOrDefault(s => s.Value == State);
            if (match.Value is null)
            {
                errors.Add(new FieldError("state", "Select a delivery state from the list"));
            }
            else
            {
                state = match.State;
            }
        }

        var from = Date(From, "from", "The ‘from’ date must be a real date, like 2026-12-01", errors);
        var to = Date(To, "to", "The ‘to’ date must be a real date, like 2026-12-31", errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add(new FieldError("to", "The ‘to’ date must be the same as or after the ‘from’ date"));
        }

        return (new StaffReportFilter(state, string.IsNullOrWhiteSpace(Body) ? null : Body, from, to), errors);
    }

    /// <summary>The query string of these filters (and a page), for the pagination and export links.</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("state", State);
        Add("body", Body);
        Add("from", From);
        Add("to", To);
        if (page is > 1)
        {
            Add("page", page.Value.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static DateOnly? Date(string? text, string field, string message, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(field, message));
        return null;
    }
}
