namespace LocalGov.ModernGov;

/// <summary>
/// Every public operation of one council's Modern.Gov web service (<c>mgWebService.asmx</c>). Get one from
/// <see cref="IModernGovClientFactory"/>, or construct a <see cref="ModernGovClient"/>. Failures raise
/// <see cref="ModernGovException"/> subtypes; cancelling <c>cancellationToken</c> raises <see cref="OperationCanceledException"/>.
/// </summary>
public interface IModernGovClient
{
    /// <summary>The council's name (as registered).</summary>
    string CouncilName { get; }

    /// <summary>The normalised base URL of the install (ends with a slash).</summary>
    Uri BaseUrl { get; }

    /// <summary><c>GetCouncillorsByWard</c>: every ward with its councillors. An install with none returns an empty list.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The wards, in the order the server sent them.</returns>
    Task<IReadOnlyList<ModernGovWard>> GetCouncillorsByWardAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GetCouncillorsByWardId</c>: the councillors of one ward.</summary>
    /// <param name="wardId">The ward id (<c>lWardId</c>; Modern.Gov lists no ward ids, they come from its ward pages).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ward(s) returned.</returns>
    Task<IReadOnlyList<ModernGovWard>> GetCouncillorsByWardIdAsync(long wardId, CancellationToken cancellationToken = default);

    /// <summary><c>GetCouncillorsByPostcode</c>: the councillors for the ward holding a postcode.</summary>
    /// <param name="postcode">The postcode (<c>sPostcode</c>), sent trimmed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ward(s) returned.</returns>
    Task<IReadOnlyList<ModernGovWard>> GetCouncillorsByPostcodeAsync(string postcode, CancellationToken cancellationToken = default);

    /// <summary><c>GetCommittees</c>: every committee.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The committees.</returns>
    Task<IReadOnlyList<ModernGovCommittee>> GetCommitteesAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GetCommitteesByUser</c>: the committees a member sits on.</summary>
    /// <param name="userId">The member id (<c>lUserId</c>), as in <see cref="ModernGovCouncillor.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The committees.</returns>
    Task<IReadOnlyList<ModernGovCommittee>> GetCommitteesByUserAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary><c>GetMeetings</c>: meetings of a committee (or all) between two dates, flattened from the per-committee lists.</summary>
    /// <param name="committeeId">The committee (<c>lCommitteeId</c>); null for every committee (<see cref="ModernGovCouncilOptions.AllCommitteesValue"/>).</param>
    /// <param name="fromDate">The first date (<c>sFromDate</c>, sent as dd/MM/yyyy); null sends an empty value.</param>
    /// <param name="toDate">The last date (<c>sToDate</c>); null sends an empty value.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meetings.</returns>
    Task<IReadOnlyList<ModernGovMeetingSummary>> GetMeetingsAsync(long? committeeId = null, DateOnly? fromDate = null, DateOnly? toDate = null, CancellationToken cancellationToken = default);

    /// <summary><c>GetMeeting</c>: one meeting with its agenda items, documents and attendees.</summary>
    /// <param name="meetingId">The meeting id (<c>lMeetingId</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meeting.</returns>
    /// <exception cref="ModernGovNotFoundException">The install answered with an empty meeting.</exception>
    Task<ModernGovMeeting> GetMeetingAsync(long meetingId, CancellationToken cancellationToken = default);

    /// <summary><c>GetAllMeetingsByDate</c>: meetings between two dates across committees, in date order.</summary>
    /// <param name="fromDate">The first date (<c>sFromDate</c>).</param>
    /// <param name="toDate">The last date (<c>sToDate</c>).</param>
    /// <param name="committeeId">The committee; null for every committee (<see cref="ModernGovCouncilOptions.AllCommitteesValue"/>).</param>
    /// <param name="ascending">Oldest first (<c>bIsAscendingDateOrder</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meetings.</returns>
    Task<IReadOnlyList<ModernGovMeetingSummary>> GetAllMeetingsByDateAsync(DateOnly? fromDate, DateOnly? toDate, long? committeeId = null, bool ascending = true, CancellationToken cancellationToken = default);

    /// <summary><c>GetCalendarEvents</c>: calendar entries between two dates (shape unconfirmed; parsed leniently).</summary>
    /// <param name="startDate">The first date (<c>sDateStart</c>).</param>
    /// <param name="endDate">The last date (<c>sDateEnd</c>).</param>
    /// <param name="globalCalendar">The council-wide calendar (<c>bGlobalCalendar</c>) rather than one member's.</param>
    /// <param name="userId">The member whose calendar to read (<c>lUserId</c>); null sends 0.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<ModernGovCalendarEvent>> GetCalendarEventsAsync(DateOnly? startDate = null, DateOnly? endDate = null, bool globalCalendar = true, long? userId = null, CancellationToken cancellationToken = default);

    /// <summary><c>GetWebCastMeetings</c>: webcast meetings (shape unconfirmed; parsed leniently).</summary>
    /// <param name="committeeId">The committee; null for every committee.</param>
    /// <param name="fromDate">The first date.</param>
    /// <param name="toDate">The last date.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meetings.</returns>
    Task<IReadOnlyList<ModernGovMeetingSummary>> GetWebcastMeetingsAsync(long? committeeId = null, DateOnly? fromDate = null, DateOnly? toDate = null, CancellationToken cancellationToken = default);

    /// <summary><c>GetDeletedWebcastMeetings</c>: webcasts deleted since a date (shape unconfirmed; parsed leniently).</summary>
    /// <param name="fromDate">The date (<c>sFromDate</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meetings.</returns>
    Task<IReadOnlyList<ModernGovMeetingSummary>> GetDeletedWebcastMeetingsAsync(DateOnly? fromDate = null, CancellationToken cancellationToken = default);

    /// <summary><c>GetElectionResults</c>: one election with candidates, areas and rejected ballots.</summary>
    /// <param name="electionId">The election id (<c>lElectionId</c>, linked from <c>mgManageElectionResults.aspx</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The election.</returns>
    /// <exception cref="ModernGovNotFoundException">The install answered with an empty election.</exception>
    Task<ModernGovElectionResult> GetElectionResultsAsync(long electionId, CancellationToken cancellationToken = default);

    /// <summary><c>GetMemberGroup</c>: members, optionally of one group.</summary>
    /// <param name="shortName">The group short name (<c>sShortName</c>); null or empty for all members.</param>
    /// <param name="order">The sort order (<c>sOrder</c>); null or empty for the default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The members.</returns>
    Task<IReadOnlyList<ModernGovCouncillor>> GetMemberGroupAsync(string? shortName = null, string? order = null, CancellationToken cancellationToken = default);

    /// <summary><c>GetMpOrMepsAndWards</c>: MPs (or MEPs) with their wards (shape unconfirmed; parsed leniently).</summary>
    /// <param name="mps">MPs (<c>bIsMPs=True</c>) rather than MEPs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The MPs or MEPs.</returns>
    Task<IReadOnlyList<ModernGovMpOrMep>> GetMpsOrMepsAndWardsAsync(bool mps = true, CancellationToken cancellationToken = default);

    /// <summary><c>GetMpOrMepAndWardsByPostcode</c>: the MP (or MEP) for a postcode (shape unconfirmed; parsed leniently).</summary>
    /// <param name="postcode">The postcode (<c>sPostcode</c>).</param>
    /// <param name="mps">MPs rather than MEPs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The MPs or MEPs returned.</returns>
    Task<IReadOnlyList<ModernGovMpOrMep>> GetMpOrMepAndWardsByPostcodeAsync(string postcode, bool mps = true, CancellationToken cancellationToken = default);

    /// <summary><c>GetParishCouncils</c>: parish and town councils with clerk contacts, where the install holds them (district and unitary councils).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The parish councils; empty when the install has none.</returns>
    Task<IReadOnlyList<ModernGovParishCouncil>> GetParishCouncilsAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GetAttachment</c>: the details of one document.</summary>
    /// <param name="attachmentId">The attachment id (<c>lAttachmentId</c>), as in <see cref="ModernGovDocument.AttachmentId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ModernGovNotFoundException">The install answered with an empty record.</exception>
    Task<ModernGovDocument> GetAttachmentAsync(long attachmentId, CancellationToken cancellationToken = default);
}
