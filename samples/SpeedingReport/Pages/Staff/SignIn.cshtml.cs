using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SpeedingReport.Staff;

namespace SpeedingReport.Pages.Staff;

/// <summary>
/// Where anonymous staff requests are sent. With the council's provider configured it challenges it (a redirect to the
/// provider's sign-in); in the offline demo it shows the demo account's form; with neither, it says sign-in is not set up (401).
/// </summary>
public sealed class SignInModel(StaffSignInMethods methods, IOptions<StaffOptions> options) : StaffPageModel
{
    public StaffSignInMethods Methods => methods;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IActionResult OnGet()
    {
        if (methods.OpenIdConnect && !methods.Demo)
        {
            return Council();
        }

        if (!methods.Demo)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
        }

        return Page();
    }

    /// <summary>The council's provider, chosen from the demo form's page when both are configured.</summary>
    public IActionResult OnGetCouncil() => methods.OpenIdConnect ? Council() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        // Outside the demo the demo account does not exist: this handler answers as if the page had no form.
        if (!methods.Demo)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(UserName))
        {
            AddError("user-name", "Enter the user name");
        }

        if (string.IsNullOrEmpty(Password))
        {
            AddError("password", "Enter the password");
        }

        if (Errors.Count == 0 && !StaffPrincipals.IsDemoAccount(options.Value, UserName, Password))
        {
            AddError("user-name", "The user name or password is not right");
        }

        if (Errors.Count > 0)
        {
            Password = null;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffPrincipals.Demo(options.Value));
        return LocalRedirect(SafeReturnUrl());
    }

    private ChallengeResult Council() =>
        Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, StaffServiceCollectionExtensions.OidcScheme);

    // Only back into the staff area: never to another site (an open redirect) nor to the resident's pages.
    private string SafeReturnUrl() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? url : "/staff";
}
