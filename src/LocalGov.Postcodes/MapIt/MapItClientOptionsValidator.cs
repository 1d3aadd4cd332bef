using LocalGov.Postcodes.Internal;
using Microsoft.Extensions.Options;

namespace LocalGov.Postcodes.MapIt;

/// <summary>Checks <see cref="MapItClientOptions"/> at start-up (DI) or construction (no DI).</summary>
internal sealed class MapItClientOptionsValidator : IValidateOptions<MapItClientOptions>
{
    public ValidateOptionsResult Validate(string? name, MapItClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ClientPlumbing.CheckBaseAddress(options.BaseAddress, "MapIt:BaseAddress", failures);
        ClientPlumbing.CheckUserAgent(options.UserAgent, "MapIt:UserAgent", failures);

        if (options.ApiKey is { } key && (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            failures.Add("MapIt:ApiKey must be null or a non-empty key without whitespace or control characters (CR or LF would split the request's headers).");
        }

        ClientPlumbing.CheckAttemptTimeout(options.AttemptTimeout, "MapIt:AttemptTimeout", failures);
        ClientPlumbing.CheckMaxRetryAfter(options.MaxRetryAfter, "MapIt:MaxRetryAfter", failures);
        ClientPlumbing.CheckMaxResponseBytes(options.MaxResponseBytes, "MapIt:MaxResponseBytes", failures);

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
