using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpeedingReport.Pages.Staff;

/// <summary>The staff area's front page; its content comes with a later issue. Only signed-in staff reach it.</summary>
public sealed class StaffIndexModel : PageModel
{
    public void OnGet()
    {
    }
}
