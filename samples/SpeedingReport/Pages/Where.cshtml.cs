using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Location;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class WhereModel(LocationService locations, RoutingConfiguration routing) : JourneyPageModel
{
    [BindProperty]
    public string? Postcode { get; set; }

    public void OnGet()
    {
        if (State.LocationMethod == "postcode")
        {
            Postcode = State.Location?.Description;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (location, error) = await locations.FromPostcodeAsync(Postcode, cancellationToken);
        if (location is null)
        {
            AddError("postcode", error!);
            return Page();
        }

        State.Location = location;
        State.LocationMethod = "postcode";
        SaveState();
        return GoToNextStep(routing);
    }
}
