using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Staff;

namespace SpeedingReport.Pages.Staff;

/// <summary>Signs out (POST only, with the antiforgery token); someone signed in with the council's provider is signed out there too.</summary>
public sealed class SignOutModel(StaffSignInMethods methods) : StaffPageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Staff/Index") : Page();

    public IActionResult OnPost()
    {
        var properties = new AuthenticationProperties { RedirectUri = "/staff/sign-out" };
        return methods.OpenIdConnect && User.HasClaim(StaffPrincipals.SignInMethodClaim, StaffPrincipals.OidcMethod)
            ? SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme, StaffServiceCollectionExtensions.OidcScheme)
            : SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
