using Microsoft.Extensions.Options;

namespace LocalGov.ModernGov;

/// <summary>Checks a council's options at start-up (and when a client is created without DI).</summary>
internal sealed class ModernGovCouncilOptionsValidator : IValidateOptions<ModernGovCouncilOptions>
{
    private const int MostRedirects = 20;

    // The parsers recurse once per level: twice the default still leaves a thread pool thread's stack plenty of room.
    private const int MostXmlDepth = 2000;

    // The duplicate-name check is quadratic in an element's attributes, so the cap may not be raised far.
    private const int MostAttributesPerElement = 512;

    private const int MostFieldsPerRecord = 100_000;

    private static readonly TimeSpan LongestTimeout = TimeSpan.FromHours(1);

    private static string Visible(string text) =>
        string.Concat(text.Take(80).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    public ValidateOptionsResult Validate(string? name, ModernGovCouncilOptions options) => Check(name, options);

    public static ValidateOptionsResult Check(string? name, ModernGovCouncilOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var council = string.IsNullOrEmpty(name) ? "(default)" : name;
        var failures = new List<string>();
        if (options.BaseUrl is null)
        {
            failures.Add($"Modern.Gov council '{council}': BaseUrl is required (the folder holding its mg*.aspx pages, such as https://democracy.example.gov.uk/).");
        }
        else
        {
            try
            {
                ModernGovBaseUrl.Normalise(options.BaseUrl);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"Modern.Gov council '{council}': {ex.Message}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add($"Modern.Gov council '{council}': UserAgent must not be empty (some firewalls block requests without a descriptive one).");
        }
        else if (options.UserAgent.Any(char.IsControl))
        {
            // A CR or LF would split the header: refused here rather than sent.
            failures.Add($"Modern.Gov council '{council}': UserAgent must not hold control characters (such as CR or LF); got \"{Visible(options.UserAgent)}\".");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > LongestTimeout)
        {
            failures.Add($"Modern.Gov council '{council}': Timeout must be between 0 and 1 hour; got {options.Timeout}.");
        }

        if (options.AttemptTimeout is { } attempt && (attempt <= TimeSpan.Zero || attempt > LongestTimeout))
        {
            failures.Add($"Modern.Gov council '{council}': AttemptTimeout must be between 0 and 1 hour; got {attempt}.");
        }

        if (options.MaxRedirects is < 0 or > MostRedirects)
        {
            failures.Add($"Modern.Gov council '{council}': MaxRedirects must be between 0 and {MostRedirects}; got {options.MaxRedirects}.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"Modern.Gov council '{council}': MaxRetryAttempts must be between 0 and 10; got {options.MaxRetryAttempts}.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Modern.Gov council '{council}': RetryDelay must be between 0 and 5 minutes; got {options.RetryDelay}.");
        }

        if (options.MaxResponseBytes is < 1024 or > int.MaxValue)
        {
            failures.Add($"Modern.Gov council '{council}': MaxResponseBytes must be between 1 KiB and 2 GiB; got {options.MaxResponseBytes}.");
        }

        if (options.MaxXmlDepth is < 1 or > MostXmlDepth)
        {
            failures.Add($"Modern.Gov council '{council}': MaxXmlDepth must be between 1 and {MostXmlDepth:N0}; got {options.MaxXmlDepth}.");
        }

        if (options.MaxAttributesPerElement is < 1 or > MostAttributesPerElement)
        {
            failures.Add($"Modern.Gov council '{council}': MaxAttributesPerElement must be between 1 and {MostAttributesPerElement}; got {options.MaxAttributesPerElement}.");
        }

        if (options.MaxFieldsPerRecord is < 1 or > MostFieldsPerRecord)
        {
            failures.Add($"Modern.Gov council '{council}': MaxFieldsPerRecord must be between 1 and {MostFieldsPerRecord:N0}; got {options.MaxFieldsPerRecord}.");
        }

        if (options.AllCommitteesValue is not (0 or -1))
        {
            failures.Add($"Modern.Gov council '{council}': AllCommitteesValue must be 0 or -1; got {options.AllCommitteesValue}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
