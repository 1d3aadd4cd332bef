using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace SpeedingReport.Staff;

/// <summary>The claims the staff area reads, the demo account's principal, and how a member of staff is named in the audit log.</summary>
public static class StaffPrincipals
{
    /// <summary>The name claim (OpenID Connect's, kept unmapped).</summary>
    public const string NameClaim = "name";

    /// <summary>Added at sign-in: "oidc" or "demo", so sign-out knows whether to end the provider's session too.</summary>
    public const string SignInMethodClaim = "speedingreport_sign_in";

    public const string OidcMethod = "oidc";

    public const string DemoMethod = "demo";

    /// <summary>The demo account, holding the required claim so the same policy admits it.</summary>
    public static ClaimsPrincipal Demo(StaffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var identity = new ClaimsIdentity(
            [
                new Claim(NameClaim, $"{options.DemoSignIn.UserName} (demo account)"),
                new Claim("preferred_username", options.DemoSignIn.UserName),
                new Claim(options.RequiredClaimType, options.RequiredClaimValue),
                new Claim(SignInMethodClaim, DemoMethod),
            ],
            authenticationType: DemoMethod,
            nameType: NameClaim,
            roleType: "roles");
        return new ClaimsPrincipal(identity);
    }

    /// <summary>True when the user name and password are the demo account's (compared in constant time).</summary>
    public static bool IsDemoAccount(StaffOptions options, string? userName, string? password)
    {
        ArgumentNullException.ThrowIfNull(options);
        var demo = options.DemoSignIn;
        if (!demo.IsConfigured || userName is null || password is null)
        {
            return false;
        }

        var nameMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(userName.Trim().ToUpperInvariant()), Encoding.UTF8.GetBytes(demo.UserName.ToUpperInvariant()));
        var passwordMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(demo.Password));
        return nameMatches & passwordMatches;
    }

    /// <summary>"Name (account)" for the audit log: the display name and the sign-in account (Entra ID's preferred_username, else email or subject).</summary>
    public static string Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.FindFirst(NameClaim)?.Value ?? user.Identity?.Name;
        var account = user.FindFirst("preferred_username")?.Value ?? user.FindFirst("email")?.Value ?? user.FindFirst("oid")?.Value ?? user.FindFirst("sub")?.Value;
        return (name, account) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) when name != account => $"{name} ({account})",
            ({ Length: > 0 }, _) => name,
            (_, { Length: > 0 }) => account,
            _ => "unknown member of staff",
        };
    }
}
