using Microsoft.Extensions.Options;

namespace LocalGov.Open311.Internal;

/// <summary>Checks <see cref="Open311ClientOptions"/> at start-up (DI) or construction (no DI).</summary>
internal sealed class Open311ClientOptionsValidator : IValidateOptions<Open311ClientOptions>
{
    public ValidateOptionsResult Validate(string? name, Open311ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Open311:BaseAddress must be an absolute http(s) URL such as https://example.gov.uk/open311/v2/, not '{options.BaseAddress}'.");
        }
        else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            failures.Add($"Open311:BaseAddress must not have a query or fragment (put the key in ApiKey and the jurisdiction in JurisdictionId), not '{uri.GetLeftPart(UriPartial.Path)}?…'.");
        }

        if (!Enum.IsDefined(options.Format))
        {
            failures.Add($"Open311:Format must be Json or Xml, not {options.Format}.");
        }

        if (!Enum.IsDefined(options.MultiValueStyle))
        {
            failures.Add($"Open311:MultiValueStyle must be RepeatedKey or Brackets, not {options.MultiValueStyle}.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Open311:Timeout must be more than zero and at most 5 minutes, not {options.Timeout}.");
        }

        // Below 64 KiB even an ordinary error page could not be read; above 1 GiB the cap protects nothing.
        if (options.MaxResponseBytes is < 64 * 1024 or > 1024L * 1024 * 1024)
        {
            failures.Add($"Open311:MaxResponseBytes must be between 65536 (64 KiB) and 1073741824 (1 GiB), not {options.MaxResponseBytes}.");
        }

        if (options.ApiKey is { } key && (key.Length == 0 || key.Any(char.IsControl)))
        {
            failures.Add("Open311:ApiKey must be left unset or be a non-empty key without control characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static void ThrowIfInvalid(Open311ClientOptions options)
    {
        var result = new Open311ClientOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }
}
