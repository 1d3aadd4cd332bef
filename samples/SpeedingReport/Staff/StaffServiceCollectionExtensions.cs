using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpeedingReport.Staff;

/// <summary>
/// The staff area (<c>/staff</c>): every page under Pages/Staff needs a signed-in user of the cookie scheme, so an
/// anonymous request is sent to <c>/staff/sign-in</c>. How staff sign in (the council's identity provider) is a later issue.
/// </summary>
public static class StaffServiceCollectionExtensions
{
    public const string SignInPath = "/staff/sign-in";

    public static IServiceCollection AddStaffArea(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = ".SpeedingReport.Staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = SignInPath;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
        services.AddAuthorization();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff");
            o.Conventions.AllowAnonymousToPage("/Staff/SignIn");
        });
        return services;
    }
}
