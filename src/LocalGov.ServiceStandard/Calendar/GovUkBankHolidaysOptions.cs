namespace LocalGov.ServiceStandard.Assessments;

/// <summary>Where <see cref="IBankHolidaySource"/> reads GOV.UK's bank holiday list from, and how long it keeps it.</summary>
public sealed class GovUkBankHolidaysOptions
{
    /// <summary>GOV.UK's published list.</summary>
    public static readonly Uri DefaultUrl = new("https://www.gov.uk/bank-holidays.json");

    /// <summary>The list's URL. Defaults to <see cref="DefaultUrl"/>; ignored when <see cref="FilePath"/> is set.</summary>
    public Uri Url { get; set; } = DefaultUrl;

    /// <summary>A saved copy to read instead of the URL (for servers without internet access), or null.</summary>
    public string? FilePath { get; set; }

    /// <summary>How long a loaded list is used before it is read again. Defaults to one day.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>After a failed read, how long until the next try (the last good list, else the snapshot, is used meanwhile). Defaults to 15 minutes.</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The largest response read, in bytes. Defaults to 1 MiB (GOV.UK's list is about 20 KB).</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;
}
