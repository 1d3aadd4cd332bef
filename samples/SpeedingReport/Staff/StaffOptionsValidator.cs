using Microsoft.Extensions.Options;

namespace SpeedingReport.Staff;

/// <summary>Checks the staff settings at start, naming each setting that is wrong and how to put it right.</summary>
internal sealed class StaffOptionsValidator(bool isDemo) : IValidateOptions<StaffOptions>
{
    public const int MinimumDemoPasswordLength = 8;

    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string section = StaffOptions.SectionName;
        var oidc = options.OpenIdConnect;
        if (oidc.IsConfigured)
        {
            if (string.IsNullOrWhiteSpace(oidc.Authority))
            {
                failures.Add($"{section}:OpenIdConnect:Authority is required when ClientId or ClientSecret is set (for Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0).");
            }
            else if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add($"{section}:OpenIdConnect:Authority must be an absolute https address (it is '{oidc.Authority}').");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                failures.Add($"{section}:OpenIdConnect:ClientId is required: the application (client) id of the app registration.");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientSecret))
            {
                failures.Add($"{section}:OpenIdConnect:ClientSecret is required: a client secret of the app registration (keep it out of appsettings.json: an environment variable or a key vault).");
            }

            foreach (var (key, path) in new[] { ("CallbackPath", oidc.CallbackPath), ("SignedOutCallbackPath", oidc.SignedOutCallbackPath) })
            {
                if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/'))
                {
                    failures.Add($"{section}:OpenIdConnect:{key} must be a path starting with '/' (it is '{path}').");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(options.RequiredClaimType) || string.IsNullOrWhiteSpace(options.RequiredClaimValue))
        {
            failures.Add($"{section}:RequiredClaimType and {section}:RequiredClaimValue are required: the role or group claim staff must hold (e.g. 'roles' and 'SpeedingReport.Staff').");
        }

        if (isDemo && options.DemoSignIn.IsConfigured)
        {
            if (string.IsNullOrWhiteSpace(options.DemoSignIn.UserName))
            {
                failures.Add($"{section}:DemoSignIn:UserName is required with the demo password.");
            }

            if (options.DemoSignIn.Password.Length < MinimumDemoPasswordLength)
            {
                failures.Add($"{section}:DemoSignIn:Password must be at least {MinimumDemoPasswordLength} characters.");
            }
        }

        if (options.PageSize is < 1 or > 500)
        {
            failures.Add($"{section}:PageSize must be between 1 and 500 (it is {options.PageSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
