using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

/// <summary>The report pages after the routing questions (road, when, seen, contact, check): reached only in order, and not after the report is sent.</summary>
public abstract class ReportPageModel(RoutingConfiguration routing) : JourneyPageModel
{
    protected RoutingConfiguration Routing => routing;

    /// <summary>Where the Back link goes: the check page after a Change link, else the step before this one.</summary>
    public string BackUrl { get; private set; } = "/";

    /// <summary>This page's path, one of <see cref="JourneyPageModel.ReportSteps"/>.</summary>
    protected abstract string ThisStep { get; }

    /// <summary>Null when this page may be shown; else where to go (an earlier unanswered step, or the confirmation of a sent report).</summary>
    protected IActionResult? Guard()
    {
        if (State.SubmittedReference is not null)
        {
            return Redirect("/confirmation");
        }

        var next = NextStep(State, routing);
        var steps = ReportSteps.ToList();
        var nextIndex = steps.IndexOf(next);
        var index = steps.IndexOf(ThisStep);
        if (nextIndex < 0 || nextIndex < index)
        {
            return Redirect(next);
        }

        BackUrl = IsChange && ThisStep != "/check" ? "/check" : index > 0 ? ReportSteps[index - 1] : LastQuestionUrl();
        return null;
    }

    private string LastQuestionUrl()
    {
        // The last routing question the resident answered (a question that was skipped has no answer).
        var last = routing.Questions.LastOrDefault(q => State.Answers.ContainsKey(q.Id));
        return last is not null ? $"/question/{last.Id}" : State.LocationMethod == "coordinates" ? "/where/coordinates" : "/where";
    }
}
