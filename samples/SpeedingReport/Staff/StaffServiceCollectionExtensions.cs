using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;

namespace SpeedingReport.Staff;

/// <summary>
/// The staff area (<c>/staff</c>): every page under Pages/Staff needs a signed-in user holding the configured role or
/// group claim. Staff sign in with the council's OpenID Connect provider (Entra ID) when it is configured; in the offline
/// demo, with the one demo account. Anonymous requests go to <c>/staff/sign-in</c>; users without the claim get a 403 page.
/// </summary>
public static class StaffServiceCollectionExtensions
{
    public const string SignInPath = "/staff/sign-in";

    public const string AccessDeniedPath = "/staff/access-denied";

    /// <summary>The authorization policy of every staff page.</summary>
    public const string Policy = "Staff";

    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static IServiceCollection AddStaffArea(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var app = configuration.GetSection(SpeedingReportOptions.SectionName);

        // The same test as SpeedingReportOptions.IsDemo and the demo outbox: demo postcodes or demo Modern.Gov.
        var isDemo = !string.IsNullOrWhiteSpace(app["DemoPostcodes"]) || !string.IsNullOrWhiteSpace(app["DemoModernGovParishCouncils"]);
        var section = configuration.GetSection(StaffOptions.SectionName);
        var settings = section.Get<StaffOptions>() ?? new StaffOptions();
        services.AddOptions<StaffOptions>().Bind(section)
            .PostConfigure(o =>
            {
                // Outside the demo the demo account does not exist, whatever the settings say.
                if (!isDemo)
                {
                    o.DemoSignIn = new StaffDemoSignInOptions();
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffOptions>>(new StaffOptionsValidator(isDemo));
        services.AddSingleton(new StaffSignInMethods(settings.OpenIdConnect.IsConfigured, isDemo && settings.DemoSignIn.IsConfigured));

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = ".SpeedingReport.Staff";
                o.Cookie.HttpOnly = true;

                // Lax, not Strict: after the provider posts back to /signin-oidc, the redirect on to /staff is part of a
                // navigation that began on the provider's site, and a Strict cookie would not be sent with it.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = AccessDeniedPath;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false;
            });

        if (settings.OpenIdConnect.IsConfigured)
        {
            authentication.AddOpenIdConnect(OidcScheme, "Council sign-in", _ => { });
            services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IOptions<StaffOptions>>((o, staff) => ConfigureOidc(o, staff.Value));
        }

        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.HasClaim(settings.RequiredClaimType, settings.RequiredClaimValue)));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff", Policy);
            o.Conventions.AllowAnonymousToPage("/Staff/SignIn");
            o.Conventions.AllowAnonymousToPage("/Staff/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Staff/SignOut");
        });
        services.AddSingleton<StaffReportQueries>();
        services.AddSingleton<StaffReportActions>();
        return services;
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, StaffOptions staff)
    {
        var oidc = staff.OpenIdConnect;
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.CallbackPath = oidc.CallbackPath;
        o.SignedOutCallbackPath = oidc.SignedOutCallbackPath;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SaveTokens = false;

        // The claims as the provider names them ("roles", "groups", "name"), so the settings name them as Entra ID documents them.
        o.MapInboundClaims = false;
        o.TokenValidationParameters.NameClaimType = StaffPrincipals.NameClaim;
        o.TokenValidationParameters.RoleClaimType = "roles";
        o.Events.OnTokenValidated = context =>
        {
            if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
            {
                identity.AddClaim(new System.Security.Claims.Claim(StaffPrincipals.SignInMethodClaim, StaffPrincipals.OidcMethod));
            }

            return Task.CompletedTask;
        };
    }
}
