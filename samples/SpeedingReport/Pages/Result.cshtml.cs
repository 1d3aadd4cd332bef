using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

/// <summary>Retired: the journey now ends by sending the report. Old links and bookmarks go to the confirmation, or to where the report stands.</summary>
public sealed class ResultModel(RoutingConfiguration routing) : JourneyPageModel
{
    public IActionResult OnGet() => Redirect(State.SubmittedReference is null ? NextStep(State, routing) : "/confirmation");
}
