using LocalGov.Postcodes.Internal;
using Microsoft.Extensions.Options;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>Checks <see cref="PostcodesIoClientOptions"/> at start-up (DI) or construction (no DI).</summary>
internal sealed class PostcodesIoClientOptionsValidator : IValidateOptions<PostcodesIoClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PostcodesIoClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ClientPlumbing.CheckBaseAddress(options.BaseAddress, "PostcodesIo:BaseAddress", failures);
        ClientPlumbing.CheckUserAgent(options.UserAgent, "PostcodesIo:UserAgent", failures);

        if (options.BulkChunkSize is < 1 or > 100)
        {
            failures.Add($"PostcodesIo:BulkChunkSize must be between 1 and 100 (the server's limit), not {options.BulkChunkSize}.");
        }

        if (options.MaxConcurrentBulkRequests is < 1 or > 16)
        {
            failures.Add($"PostcodesIo:MaxConcurrentBulkRequests must be between 1 and 16, not {options.MaxConcurrentBulkRequests}.");
        }

        ClientPlumbing.CheckAttemptTimeout(options.AttemptTimeout, "PostcodesIo:AttemptTimeout", failures);
        ClientPlumbing.CheckMaxRetryAfter(options.MaxRetryAfter, "PostcodesIo:MaxRetryAfter", failures);
        ClientPlumbing.CheckMaxResponseBytes(options.MaxResponseBytes, "PostcodesIo:MaxResponseBytes", failures);

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
