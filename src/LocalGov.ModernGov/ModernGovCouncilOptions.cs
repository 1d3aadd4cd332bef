namespace LocalGov.ModernGov;

/// <summary>
/// How to reach one council's Modern.Gov install. Registered as named options (the name is the council name
/// given to <c>AddModernGov</c>), or passed to <see cref="ModernGovClient"/> directly.
/// </summary>
public sealed class ModernGovCouncilOptions
{
    /// <summary>The user agent sent when none is configured; descriptive, because some firewalls block library defaults.</summary>
    public const string DefaultUserAgent = "LocalGov.ModernGov/0.1 (+https://github.com/localgov-sdk/localgov-sdk; UK council open-data client)";

    /// <summary>
    /// The folder holding the council's Modern.Gov pages, such as <c>https://democracy.example.gov.uk/</c> or
    /// <c>https://www.example.gov.uk/moderngov/</c>. A pasted <c>mgWebService.asmx</c> (with any method or query) or page
    /// name such as <c>mgListCommittees.aspx</c> is removed and a trailing slash added (see <see cref="ModernGovBaseUrl"/>).
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The User-Agent header. Defaults to <see cref="DefaultUserAgent"/>.</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// The most time one operation may take, retries and reading the body included. Defaults to 120 seconds,
    /// because some councils take over 100 seconds to list their councillors.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The most time one attempt may take before it is abandoned and retried. Defaults to null: the same as
    /// <see cref="Timeout"/>, so one slow answer may use the whole budget.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>How many times a transient failure (408, 429, 5xx, no response) is retried. Defaults to 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The base delay between retries; it grows exponentially, with jitter. Defaults to 2 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest response body read, in bytes; a larger one raises <see cref="ModernGovResponseTooLargeException"/>. Defaults to 32 MiB.</summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>The default of <see cref="MaxXmlDepth"/>.</summary>
    public const int DefaultMaxXmlDepth = 1000;

    /// <summary>The default of <see cref="MaxAttributesPerElement"/>.</summary>
    public const int DefaultMaxAttributesPerElement = 64;

    /// <summary>The default of <see cref="MaxFieldsPerRecord"/>.</summary>
    public const int DefaultMaxFieldsPerRecord = 1000;

    /// <summary>
    /// How deep a body's elements may nest (1 to 2,000). Defaults to 1,000, far beyond any Modern.Gov shape (under 15
    /// levels). The parsers recurse per level, so the cap keeps a hostile body from overflowing the stack; one past it
    /// raises <see cref="ModernGovLimitExceededException"/> with <see cref="ModernGovLimitExceededException.Limit"/>
    /// <c>levels of element nesting</c>.
    /// </summary>
    public int MaxXmlDepth { get; set; } = DefaultMaxXmlDepth;

    /// <summary>
    /// How many attributes one element may carry (1 to 512). Defaults to 64, far beyond any Modern.Gov element (a handful).
    /// Checking a new attribute's name against the earlier ones costs time in proportion to their number, so the cap keeps
    /// one start tag with 500,000 attributes from costing minutes; one past it raises
    /// <see cref="ModernGovLimitExceededException"/> with <see cref="ModernGovLimitExceededException.Limit"/>
    /// <c>attributes per element</c>.
    /// </summary>
    public int MaxAttributesPerElement { get; set; } = DefaultMaxAttributesPerElement;

    /// <summary>
    /// How many unrecognised fields (kept in <c>AdditionalFields</c>, each repeat of an element counting once) one record
    /// may hold (1 to 100,000). Defaults to 1,000, far beyond any real record (a few dozen). The shapes read leniently
    /// (parish councils, calendar, webcasts, MPs and MEPs) flatten every field of a record and allow four times this many.
    /// One past it raises <see cref="ModernGovLimitExceededException"/> with
    /// <see cref="ModernGovLimitExceededException.Limit"/> <c>fields per record</c>.
    /// </summary>
    public int MaxFieldsPerRecord { get; set; } = DefaultMaxFieldsPerRecord;

    /// <summary>
    /// How many redirects one request may follow (0 to 20). Defaults to 5. Only http and https are followed, never from
    /// https down to http; one past this is a <see cref="ModernGovRedirectException"/>.
    /// </summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Whether a redirect may lead to another host or port than the one asked (http's port 80 to https's 443 on the same
    /// host is always allowed). Defaults to false: a council's web service has no reason to send its callers elsewhere,
    /// so a redirect off it is refused with a <see cref="ModernGovRedirectException"/> naming where it pointed. Set it for
    /// an install that has moved and redirects to its new address.
    /// </summary>
    public bool AllowRedirectsToOtherHosts { get; set; }

    /// <summary>
    /// The <c>lCommitteeId</c> that means "every committee" on this install: 0 (most installs) or -1 (some answer
    /// nothing for 0). Used when an operation is called without a committee. Defaults to 0.
    /// </summary>
    public int AllCommitteesValue { get; set; }

    /// <summary>A copy of these options, so a client is not affected by later changes.</summary>
    internal ModernGovCouncilOptions Clone() => (ModernGovCouncilOptions)MemberwiseClone();

    /// <summary>The attempt timeout actually used.</summary>
    internal TimeSpan EffectiveAttemptTimeout => AttemptTimeout is { } attempt && attempt < Timeout ? attempt : Timeout;
}
