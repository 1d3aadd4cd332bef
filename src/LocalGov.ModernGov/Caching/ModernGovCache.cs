using System.Globalization;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalGov.ModernGov;

/// <summary>
/// The <see cref="IModernGovCache"/> over <see cref="HybridCache"/>. <c>AddModernGovCache</c> registers it; without DI,
/// construct it over a <see cref="HybridCache"/> and a way to get each council's client.
/// </summary>
public sealed class ModernGovCache : IModernGovCache
{
    private const string KeyPrefix = "LocalGov.ModernGov:v1:";

    private readonly HybridCache _cache;
    private readonly Func<string, IModernGovClient> _clients;
    private readonly ModernGovCacheOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the cache.</summary>
    /// <param name="cache">Where entries live (memory, plus its distributed cache when it has one).</param>
    /// <param name="clients">Gives the client of a council by name, e.g. <see cref="IModernGovClientFactory.GetClient"/>.</param>
    /// <param name="options">Lifetimes and the stale limit; copied.</param>
    /// <param name="logger">Where stale answers are reported; null for none.</param>
    /// <param name="timeProvider">The clock for answers' ages; null for the system clock.</param>
    /// <exception cref="ArgumentException">A lifetime is not positive, or <see cref="ModernGovCacheOptions.MaxStaleAge"/> is negative.</exception>
    public ModernGovCache(HybridCache cache, Func<string, IModernGovClient> clients, ModernGovCacheOptions options, ILogger<ModernGovCache>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        if (Validate(options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _cache = cache;
        _clients = clients;
        _options = new ModernGovCacheOptions
        {
            ParishCouncils = options.ParishCouncils,
            Committees = options.Committees,
            Councillors = options.Councillors,
            Meetings = options.Meetings,
            Meeting = options.Meeting,
            MaxStaleAge = options.MaxStaleAge,
        };
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<ModernGovResult<IReadOnlyList<ModernGovParishCouncil>>> GetParishCouncilsAsync(string councilName, CancellationToken cancellationToken = default) =>
        ReadAsync(councilName, "GetParishCouncils", string.Empty, _options.ParishCouncils, static (c, ct) => c.GetParishCouncilsAsync(ct), cancellationToken);

    /// <inheritdoc />
    public Task<ModernGovResult<IReadOnlyList<ModernGovCommittee>>> GetCommitteesAsync(string councilName, CancellationToken cancellationToken = default) =>
        ReadAsync(councilName, "GetCommittees", string.Empty, _options.Committees, static (c, ct) => c.GetCommitteesAsync(ct), cancellationToken);

    /// <inheritdoc />
    public Task<ModernGovResult<IReadOnlyList<ModernGovWard>>> GetCouncillorsByWardAsync(string councilName, CancellationToken cancellationToken = default) =>
        ReadAsync(councilName, "GetCouncillorsByWard", string.Empty, _options.Councillors, static (c, ct) => c.GetCouncillorsByWardAsync(ct), cancellationToken);

    /// <inheritdoc />
    public Task<ModernGovResult<IReadOnlyList<ModernGovMeetingSummary>>> GetMeetingsAsync(string councilName, long? committeeId = null, DateOnly? fromDate = null, DateOnly? toDate = null, CancellationToken cancellationToken = default)
    {
        var args = string.Create(CultureInfo.InvariantCulture, $"{committeeId}|{fromDate:yyyy-MM-dd}|{toDate:yyyy-MM-dd}");
        return ReadAsync(councilName, "GetMeetings", args, _options.Meetings, (c, ct) => c.GetMeetingsAsync(committeeId, fromDate, toDate, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ModernGovResult<ModernGovMeeting>> GetMeetingAsync(string councilName, long meetingId, CancellationToken cancellationToken = default) =>
        ReadAsync(councilName, "GetMeeting", meetingId.ToString(CultureInfo.InvariantCulture), _options.Meeting, (c, ct) => c.GetMeetingAsync(meetingId, ct), cancellationToken);

    /// <inheritdoc />
    public async Task RemoveCouncilAsync(string councilName, CancellationToken cancellationToken = default)
    {
        var client = _clients(councilName);
        await _cache.RemoveByTagAsync(Tag(client), cancellationToken).ConfigureAwait(false);
    }

    internal static string? Validate(ModernGovCacheOptions options)
    {
        TimeSpan[] lifetimes = [options.ParishCouncils, options.Committees, options.Councillors, options.Meetings, options.Meeting];
        if (lifetimes.Any(t => t <= TimeSpan.Zero))
        {
            return "Every ModernGovCacheOptions lifetime must be positive.";
        }

        return options.MaxStaleAge < TimeSpan.Zero ? "ModernGovCacheOptions.MaxStaleAge must not be negative (zero turns stale-if-error off)." : null;
    }

    // The install's base URL, not the council's registered name, identifies an entry, so apps sharing Redis share answers.
    private static string Tag(IModernGovClient client) => KeyPrefix + client.BaseUrl.AbsoluteUri;

    private async Task<ModernGovResult<T>> ReadAsync<T>(string councilName, string operation, string args, TimeSpan lifetime, Func<IModernGovClient, CancellationToken, Task<T>> fetch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(councilName);
        var client = _clients(councilName);
        var tag = Tag(client);
        var key = tag + "|" + operation + "|" + args;
        var keep = _options.MaxStaleAge > lifetime ? _options.MaxStaleAge : lifetime;
        var entryOptions = new HybridCacheEntryOptions { Expiration = keep, LocalCacheExpiration = keep };
        string[] tags = [tag];

        var fetcher = new Fetcher<T>(client, fetch, _time);
        ModernGovCacheEntry<T> entry;
        try
        {
            entry = await _cache.GetOrCreateAsync(key, fetcher, static (f, ct) => f.FetchAsync(ct), entryOptions, tags, cancellationToken).ConfigureAwait(false);
        }
        catch (ModernGovException)
        {
            ModernGovTelemetry.RecordCacheRead(client.CouncilName, operation, "failed");
            throw;
        }

        if (fetcher.Fetched)
        {
            ModernGovTelemetry.RecordCacheRead(client.CouncilName, operation, "miss");
            return new ModernGovResult<T>(entry.Value, entry.RetrievedAt, fromCache: false, staleBecause: null);
        }

        var age = _time.GetUtcNow() - entry.RetrievedAt;
        if (age < lifetime)
        {
            ModernGovTelemetry.RecordCacheRead(client.CouncilName, operation, "hit");
            return new ModernGovResult<T>(entry.Value, entry.RetrievedAt, fromCache: true, staleBecause: null);
        }

        // Past its lifetime (the entry is kept longer, for stale-if-error): ask the council again.
        try
        {
            var fresh = await fetcher.FetchAsync(cancellationToken).ConfigureAwait(false);
            await _cache.SetAsync(key, fresh, entryOptions, tags, cancellationToken).ConfigureAwait(false);
            ModernGovTelemetry.RecordCacheRead(client.CouncilName, operation, "refreshed");
            ModernGovLog.Refreshed(_logger, client.CouncilName, operation);
            return new ModernGovResult<T>(fresh.Value, fresh.RetrievedAt, fromCache: false, staleBecause: null);
        }
        catch (ModernGovException ex) when (age <= _options.MaxStaleAge)
        {
            ModernGovTelemetry.RecordCacheRead(client.CouncilName, operation, "stale");
            ModernGovLog.StaleServed(_logger, client.CouncilName, operation, ex.GetType().Name, entry.RetrievedAt, age.TotalMinutes);
            return new ModernGovResult<T>(entry.Value, entry.RetrievedAt, fromCache: true, staleBecause: ex);
        }
        catch (ModernGovException ex)
        {
            ModernGovTelemetry.RecordCacheRead(client.CouncilName, operation, "failed");
            ModernGovLog.StaleTooOld(_logger, client.CouncilName, operation, ex.GetType().Name, entry.RetrievedAt);
            throw;
        }
    }

    /// <summary>Fetches from the council for one read, remembering whether it did (so a fresh answer is not reported as cached).</summary>
    private sealed class Fetcher<T>(IModernGovClient client, Func<IModernGovClient, CancellationToken, Task<T>> fetch, TimeProvider time)
    {
        public bool Fetched { get; private set; }

        public async ValueTask<ModernGovCacheEntry<T>> FetchAsync(CancellationToken cancellationToken)
        {
            Fetched = true;
            var value = await fetch(client, cancellationToken).ConfigureAwait(false);
            return new ModernGovCacheEntry<T>(value, time.GetUtcNow());
        }
    }
}
