using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class RoadModel(RoutingConfiguration routing) : ReportPageModel(routing)
{
    [BindProperty]
    public string? Road { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    protected override string ThisStep => "/road";

    public IActionResult OnGet()
    {
        if (Guard() is { } redirect)
        {
            return redirect;
        }

        Road = State.Road;
        Place = State.PlaceDescription;
        return Page();
    }

    public IActionResult OnPost()
    {
        if (Guard() is { } redirect)
        {
            return redirect;
        }

        Road = Road?.Trim();
        Place = Place?.Trim();
        if (string.IsNullOrEmpty(Road))
        {
            AddError("road", "Enter the road or street where the speeding happens");
        }
        else if (Road.Length > ReportOptions.RoadMaxLength)
        {
            AddError("road", $"Road or street must be {ReportOptions.RoadMaxLength} characters or fewer");
        }

        if (Place is { Length: > ReportOptions.PlaceMaxLength })
        {
            AddError("place", $"Where on the road must be {ReportOptions.PlaceMaxLength} characters or fewer");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        State.Road = Road;
        State.PlaceDescription = string.IsNullOrEmpty(Place) ? null : Place;
        SaveState();
        return GoToNextStep(Routing);
    }
}
