using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Location;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class CoordinatesModel(LocationService locations, RoutingConfiguration routing) : JourneyPageModel
{
    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

    public void OnGet()
    {
        if (State.LocationMethod == "coordinates" && State.Location is { } location)
        {
            Latitude = location.Latitude.ToString(CultureInfo.InvariantCulture);
            Longitude = location.Longitude.ToString(CultureInfo.InvariantCulture);
        }
    }

    public IActionResult OnPost()
    {
        var (location, latitudeError, longitudeError) = locations.FromCoordinates(Latitude, Longitude);
        if (latitudeError is not null)
        {
            AddError("latitude", latitudeError);
        }

        if (longitudeError is not null)
        {
            AddError("longitude", longitudeError);
        }

        if (location is null)
        {
            return Page();
        }

        State.Location = location;
        State.LocationMethod = "coordinates";
        SaveState();
        return GoToNextStep(routing);
    }
}
