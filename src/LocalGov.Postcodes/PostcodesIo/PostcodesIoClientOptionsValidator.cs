using Microsoft.Extensions.Options;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>Checks <see cref="PostcodesIoClientOptions"/> at start-up (DI) or construction (no DI).</summary>
internal sealed class PostcodesIoClientOptionsValidator : IValidateOptions<PostcodesIoClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PostcodesIoClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"PostcodesIo:BaseAddress must be an absolute http(s) URL, not '{options.BaseAddress}'.");
        }

        if (options.BulkChunkSize is < 1 or > 100)
        {
            failures.Add($"PostcodesIo:BulkChunkSize must be between 1 and 100 (the server's limit), not {options.BulkChunkSize}.");
        }

        if (options.MaxConcurrentBulkRequests is < 1 or > 16)
        {
            failures.Add($"PostcodesIo:MaxConcurrentBulkRequests must be between 1 and 16, not {options.MaxConcurrentBulkRequests}.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"PostcodesIo:AttemptTimeout must be more than zero and at most 5 minutes, not {options.AttemptTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static void ThrowIfInvalid(PostcodesIoClientOptions options)
    {
        var result = new PostcodesIoClientOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }
}
