namespace SpeedingReport.Pages.Staff;

/// <summary>Signed in, but without the staff role or group: 403, and a way to sign out and try another account.</summary>
public sealed class AccessDeniedModel : StaffPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
