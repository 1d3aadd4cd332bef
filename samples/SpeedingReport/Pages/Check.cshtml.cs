using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Location;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class CheckModel(RoutingConfiguration routing) : JourneyPageModel
{
    public ResolvedLocation? Location => State.Location;

    public string? LocationMethod => State.LocationMethod;

    public IReadOnlyList<(RoutingQuestion Question, RoutingOption Option)> Answers { get; private set; } = [];

    public string BackUrl { get; private set; } = "/where";

    public IActionResult OnGet()
    {
        var next = NextStep(State, routing);
        if (next != "/check")
        {
            return Redirect(next);
        }

        // Skipped questions are not shown: the resident was not asked them.
        Answers = routing.Progress(State.Answers, State.Location!.InParish).Answered;
        BackUrl = Answers.Count > 0 ? $"/question/{Answers[^1].Question.Id}" : (State.LocationMethod == "coordinates" ? "/where/coordinates" : "/where");
        return Page();
    }

    public IActionResult OnPost()
    {
        var next = NextStep(State, routing);
        if (next != "/check")
        {
            return Redirect(next);
        }

        State.Submitted = true;
        Journey.ReportSession.Save(HttpContext.Session, State);
        return Redirect("/result");
    }
}
