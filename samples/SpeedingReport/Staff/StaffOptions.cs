namespace SpeedingReport.Staff;

/// <summary>
/// The staff area's settings (section <c>SpeedingReport:Staff</c>): the council's OpenID Connect sign-in (Microsoft
/// Entra ID or another provider), the claim staff must hold, and the offline demo's one demo account.
/// </summary>
public sealed class StaffOptions
{
    public const string SectionName = "SpeedingReport:Staff";

    /// <summary>The claim that makes a signed-in user staff: Entra ID's app roles come as <c>roles</c>, security groups as <c>groups</c>.</summary>
    public string RequiredClaimType { get; set; } = "roles";

    /// <summary>The value the claim must have: the app role's value, or the group's object id.</summary>
    public string RequiredClaimValue { get; set; } = "SpeedingReport.Staff";

    public StaffOpenIdConnectOptions OpenIdConnect { get; set; } = new();

    /// <summary>Only used in the offline demo (demo postcodes or demo Modern.Gov set); never mapped otherwise.</summary>
    public StaffDemoSignInOptions DemoSignIn { get; set; } = new();

    /// <summary>How many reports a page of the list shows.</summary>
    public int PageSize { get; set; } = 25;
}

/// <summary>The council's identity provider (section <c>SpeedingReport:Staff:OpenIdConnect</c>).</summary>
public sealed class StaffOpenIdConnectOptions
{
    /// <summary>For Entra ID: <c>https://login.microsoftonline.com/{tenant id}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Where the provider sends staff back; register it with the provider (e.g. https://reports.council.gov.uk/signin-oidc).</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    public string SignedOutCallbackPath { get; set; } = "/signout-callback-oidc";

    /// <summary>Set when any of the three settings is: then all three must be.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>The offline demo's one account (section <c>SpeedingReport:Staff:DemoSignIn</c>).</summary>
public sealed class StaffDemoSignInOptions
{
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Password);
}
