using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeedingReport.Journey;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class IndexModel(RoutingConfiguration routing) : PageModel
{
    public IReadOnlyList<RoutingQuestion> Questions => routing.Questions;

    public void OnGet()
    {
    }

    /// <summary>Start now: a fresh report.</summary>
    public IActionResult OnPost()
    {
        ReportSession.Clear(HttpContext.Session);
        return Redirect("/where");
    }
}
