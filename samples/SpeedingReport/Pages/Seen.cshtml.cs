using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class SeenModel(RoutingConfiguration routing) : ReportPageModel(routing)
{
    [BindProperty]
    public string? Seen { get; set; }

    public int MaxLength => ReportOptions.WhatSeenMaxLength;

    protected override string ThisStep => "/seen";

    public IActionResult OnGet()
    {
        if (Guard() is { } redirect)
        {
            return redirect;
        }

        Seen = State.WhatSeen;
        return Page();
    }

    public IActionResult OnPost()
    {
        if (Guard() is { } redirect)
        {
            return redirect;
        }

        // Browsers send line breaks as CRLF; count them as one character, as the character count component does.
        Seen = Seen?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(Seen))
        {
            AddError("seen", "Enter what you have seen");
            return Page();
        }

        if (Seen.Length > MaxLength)
        {
            AddError("seen", $"What you have seen must be {MaxLength} characters or fewer");
            return Page();
        }

        State.WhatSeen = Seen;
        SaveState();
        return GoToNextStep(Routing);
    }
}
