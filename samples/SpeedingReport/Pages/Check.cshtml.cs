using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Location;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class CheckModel(RoutingConfiguration routing) : JourneyPageModel
{
    public ResolvedLocation? Location => State.Location;

    public string? LocationMethod => State.LocationMethod;

    public IReadOnlyList<(RoutingQuestion Question, RoutingOption Option)> Answers { get; private set; } = [];

    public string BackUrl => $"/question/{routing.Questions[^1].Id}";

    public IActionResult OnGet()
    {
        var next = NextStep(State, routing);
        if (next != "/check")
        {
            return Redirect(next);
        }

        Answers = [.. routing.Questions.Select(q => (q, q.Options.First(o => o.Value == State.Answers[q.Id])))];
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
