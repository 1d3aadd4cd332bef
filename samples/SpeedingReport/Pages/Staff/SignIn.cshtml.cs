using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpeedingReport.Pages.Staff;

/// <summary>Where anonymous staff requests are sent. A placeholder until the council's sign-in is added (a later issue).</summary>
public sealed class SignInModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status401Unauthorized;
}
