using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeedingReport.Journey;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

/// <summary>An error shown in the error summary and beside its field (<see cref="FieldId"/> is the input the summary links to).</summary>
public sealed record FieldError(string FieldId, string Message);

/// <summary>What every page of the journey shares: the session's answers, errors, and where to go next.</summary>
public abstract class JourneyPageModel : PageModel
{
    private ReportState? _state;

    public List<FieldError> Errors { get; } = [];

    /// <summary>Set by the Change links of the check-your-answers page: go back there once the answer is saved.</summary>
    [BindProperty(SupportsGet = true, Name = "change")]
    public bool IsChange { get; set; }

    protected ReportState State => _state ??= ReportSession.Load(HttpContext.Session);

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    protected void AddError(string fieldId, string message)
    {
        Errors.Add(new FieldError(fieldId, message));
        ViewData["HasErrors"] = true;
    }

    protected void SaveState()
    {
        State.Submitted = false;
        ReportSession.Save(HttpContext.Session, State);
    }

    /// <summary>The first unanswered step, or the check page when everything is answered.</summary>
    protected static string NextStep(ReportState state, RoutingConfiguration routing)
    {
        if (state.Location is null)
        {
            return "/where";
        }

        // Only questions whose answer can still change who deals with it are asked (RoutingConfiguration.Progress).
        var unanswered = routing.Progress(state.Answers, state.Location.InParish).Next;
        return unanswered is null ? NextReportStep(state) : $"/question/{unanswered.Id}";
    }

    /// <summary>The report pages, in journey order, after the routing questions.</summary>
    protected static readonly IReadOnlyList<string> ReportSteps = ["/road", "/when", "/seen", "/contact", "/check"];

    /// <summary>After the routing questions: the first report page not yet answered, or the check page.</summary>
    protected static string NextReportStep(ReportState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(state.Road))
        {
            return "/road";
        }

        if (state.Days.Count == 0 || state.Times.Count == 0)
        {
            return "/when";
        }

        if (string.IsNullOrWhiteSpace(state.WhatSeen))
        {
            return "/seen";
        }

        return string.IsNullOrWhiteSpace(state.ReporterName) || string.IsNullOrWhiteSpace(state.ReporterEmail) ? "/contact" : "/check";
    }

    protected IActionResult GoToNextStep(RoutingConfiguration routing)
    {
        // After a Change link this is the check page again, as everything else is already answered.
        return Redirect(NextStep(State, routing));
    }
}
