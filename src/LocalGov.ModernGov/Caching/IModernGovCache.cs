namespace LocalGov.ModernGov;

/// <summary>
/// Cached reads of the operations worth caching, for councils registered with <c>AddModernGov</c>. Entries live in
/// <c>HybridCache</c> (in memory, plus any registered <c>IDistributedCache</c> such as Redis, so instances share them)
/// for <see cref="ModernGovCacheOptions"/>' lifetimes. When the council fails after an entry's lifetime, the last good
/// answer up to <see cref="ModernGovCacheOptions.MaxStaleAge"/> old is returned, marked <see cref="ModernGovResult{T}.IsStale"/>,
/// and a warning is logged; with no such answer, the council's <see cref="ModernGovException"/> is raised.
/// Register with <c>AddModernGovCache</c>.
/// </summary>
public interface IModernGovCache
{
    /// <summary><c>GetParishCouncils</c>, cached for <see cref="ModernGovCacheOptions.ParishCouncils"/>.</summary>
    /// <param name="councilName">The council, as registered with <c>AddModernGov</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The parish councils, with when they were read and whether they are stale.</returns>
    /// <exception cref="ModernGovException">The council failed and no answer young enough was cached.</exception>
    /// <exception cref="KeyNotFoundException">No council of that name is registered.</exception>
    Task<ModernGovResult<IReadOnlyList<ModernGovParishCouncil>>> GetParishCouncilsAsync(string councilName, CancellationToken cancellationToken = default);

    /// <summary><c>GetCommittees</c>, cached for <see cref="ModernGovCacheOptions.Committees"/>.</summary>
    /// <param name="councilName">The council, as registered with <c>AddModernGov</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The committees, with when they were read and whether they are stale.</returns>
    /// <exception cref="ModernGovException">The council failed and no answer young enough was cached.</exception>
    /// <exception cref="KeyNotFoundException">No council of that name is registered.</exception>
    Task<ModernGovResult<IReadOnlyList<ModernGovCommittee>>> GetCommitteesAsync(string councilName, CancellationToken cancellationToken = default);

    /// <summary><c>GetCouncillorsByWard</c>, cached for <see cref="ModernGovCacheOptions.Councillors"/>.</summary>
    /// <param name="councilName">The council, as registered with <c>AddModernGov</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The wards and councillors, with when they were read and whether they are stale.</returns>
    /// <exception cref="ModernGovException">The council failed and no answer young enough was cached.</exception>
    /// <exception cref="KeyNotFoundException">No council of that name is registered.</exception>
    Task<ModernGovResult<IReadOnlyList<ModernGovWard>>> GetCouncillorsByWardAsync(string councilName, CancellationToken cancellationToken = default);

    /// <summary><c>GetMeetings</c>, cached for <see cref="ModernGovCacheOptions.Meetings"/> per committee and dates.</summary>
    /// <param name="councilName">The council, as registered with <c>AddModernGov</c>.</param>
    /// <param name="committeeId">The committee; null for every committee.</param>
    /// <param name="fromDate">The first date, or null.</param>
    /// <param name="toDate">The last date, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meetings, with when they were read and whether they are stale.</returns>
    /// <exception cref="ModernGovException">The council failed and no answer young enough was cached.</exception>
    /// <exception cref="KeyNotFoundException">No council of that name is registered.</exception>
    Task<ModernGovResult<IReadOnlyList<ModernGovMeetingSummary>>> GetMeetingsAsync(string councilName, long? committeeId = null, DateOnly? fromDate = null, DateOnly? toDate = null, CancellationToken cancellationToken = default);

    /// <summary><c>GetMeeting</c>, cached for <see cref="ModernGovCacheOptions.Meeting"/> per meeting.</summary>
    /// <param name="councilName">The council, as registered with <c>AddModernGov</c>.</param>
    /// <param name="meetingId">The meeting id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meeting, with when it was read and whether it is stale.</returns>
    /// <exception cref="ModernGovException">The council failed (or has no such meeting) and no answer young enough was cached.</exception>
    /// <exception cref="KeyNotFoundException">No council of that name is registered.</exception>
    Task<ModernGovResult<ModernGovMeeting>> GetMeetingAsync(string councilName, long meetingId, CancellationToken cancellationToken = default);

    /// <summary>Removes every cached answer of one council (memory and distributed), e.g. after its clerk list was corrected.</summary>
    /// <param name="councilName">The council, as registered with <c>AddModernGov</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entries are removed.</returns>
    Task RemoveCouncilAsync(string councilName, CancellationToken cancellationToken = default);
}
