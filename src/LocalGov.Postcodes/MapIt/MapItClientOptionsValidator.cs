using Microsoft.Extensions.Options;

namespace LocalGov.Postcodes.MapIt;

/// <summary>Checks <see cref="MapItClientOptions"/> at start-up (DI) or construction (no DI).</summary>
internal sealed class MapItClientOptionsValidator : IValidateOptions<MapItClientOptions>
{
    public ValidateOptionsResult Validate(string? name, MapItClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"MapIt:BaseAddress must be an absolute http(s) URL, not '{options.BaseAddress}'.");
        }

        if (options.ApiKey is { } key && (key.Length == 0 || key.Any(char.IsWhiteSpace)))
        {
            failures.Add("MapIt:ApiKey must be null or a non-empty key without whitespace.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"MapIt:AttemptTimeout must be more than zero and at most 5 minutes, not {options.AttemptTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static void ThrowIfInvalid(MapItClientOptions options)
    {
        var result = new MapItClientOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }
}
