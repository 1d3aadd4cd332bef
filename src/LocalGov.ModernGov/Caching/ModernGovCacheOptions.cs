namespace LocalGov.ModernGov;

/// <summary>
/// Lifetimes of <see cref="IModernGovCache"/> entries, per operation, and how long a stale answer may stand in for a
/// failing council. Set with <c>AddModernGovCache(o => …)</c> or bind from configuration (section <c>ModernGov:Cache</c>
/// by convention).
/// </summary>
public sealed class ModernGovCacheOptions
{
    /// <summary><c>GetParishCouncils</c>: clerks change rarely. Defaults to 12 hours.</summary>
    public TimeSpan ParishCouncils { get; set; } = TimeSpan.FromHours(12);

    /// <summary><c>GetCommittees</c>: committees change a few times a year. Defaults to 6 hours.</summary>
    public TimeSpan Committees { get; set; } = TimeSpan.FromHours(6);

    /// <summary><c>GetCouncillorsByWard</c>: councillors change at elections and by-elections. Defaults to 6 hours.</summary>
    public TimeSpan Councillors { get; set; } = TimeSpan.FromHours(6);

    /// <summary><c>GetMeetings</c>: meetings are added, moved and cancelled during the day. Defaults to 10 minutes.</summary>
    public TimeSpan Meetings { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><c>GetMeeting</c>: agendas and minutes are published during the day. Defaults to 10 minutes.</summary>
    public TimeSpan Meeting { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The oldest answer (counted from when the council gave it) served when the council fails; older than this, the
    /// council's typed error is raised instead. Zero turns stale-if-error off. Defaults to 3 days, so a council that is
    /// down over a weekend still has its parish clerks found.
    /// </summary>
    public TimeSpan MaxStaleAge { get; set; } = TimeSpan.FromDays(3);
}
