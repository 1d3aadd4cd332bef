using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class WhenModel(RoutingConfiguration routing) : ReportPageModel(routing)
{
    [BindProperty]
    public List<string> Days { get; set; } = [];

    [BindProperty]
    public List<string> Times { get; set; } = [];

    protected override string ThisStep => "/when";

    public IActionResult OnGet()
    {
        if (Guard() is { } redirect)
        {
            return redirect;
        }

        Days = [.. State.Days];
        Times = [.. State.Times];
        return Page();
    }

    public IActionResult OnPost()
    {
        if (Guard() is { } redirect)
        {
            return redirect;
        }

        // Only the page's own values, in page order, each once.
        Days = [.. ReportOptions.Days.Select(d => d.Value).Where(Days.Contains)];
        Times = [.. ReportOptions.Times.Select(t => t.Value).Where(Times.Contains)];
        if (Days.Count == 0)
        {
            AddError("days", "Select the days when the speeding happens");
        }

        if (Times.Count == 0)
        {
            AddError("times", "Select the times of day when the speeding happens");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        State.Days = Days;
        State.Times = Times;
        SaveState();
        return GoToNextStep(Routing);
    }
}
