using Refit;

namespace LocalGov.ModernGov;

/// <summary>
/// The HTTP GET binding of <c>mgWebService.asmx</c>. Every declared parameter is always sent (ASMX rejects a GET that
/// lacks one), already formatted the way the service understands. Responses stay raw: the body is XML parsed by
/// <see cref="ModernGovResponseReader"/>. GetServerDiagnostics and CheckComms are deliberately absent.
/// </summary>
internal interface IModernGovApi
{
    [Get("/mgWebService.asmx/GetCouncillorsByWard")]
    Task<HttpResponseMessage> GetCouncillorsByWard(CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetCouncillorsByWardId")]
    Task<HttpResponseMessage> GetCouncillorsByWardId([AliasAs("lWardId")] string wardId, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetCouncillorsByPostcode")]
    Task<HttpResponseMessage> GetCouncillorsByPostcode([AliasAs("sPostcode")] string postcode, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetCommittees")]
    Task<HttpResponseMessage> GetCommittees(CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetCommitteesByUser")]
    Task<HttpResponseMessage> GetCommitteesByUser([AliasAs("lUserId")] string userId, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetMeetings")]
    Task<HttpResponseMessage> GetMeetings([AliasAs("lCommitteeId")] string committeeId, [AliasAs("sFromDate")] string fromDate, [AliasAs("sToDate")] string toDate, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetMeeting")]
    Task<HttpResponseMessage> GetMeeting([AliasAs("lMeetingId")] string meetingId, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetAllMeetingsByDate")]
    Task<HttpResponseMessage> GetAllMeetingsByDate([AliasAs("lCommitteeId")] string committeeId, [AliasAs("sFromDate")] string fromDate, [AliasAs("sToDate")] string toDate, [AliasAs("bIsAscendingDateOrder")] string ascending, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetCalendarEvents")]
    Task<HttpResponseMessage> GetCalendarEvents([AliasAs("bGlobalCalendar")] string globalCalendar, [AliasAs("lUserId")] string userId, [AliasAs("sDateStart")] string start, [AliasAs("sDateEnd")] string end, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetWebCastMeetings")]
    Task<HttpResponseMessage> GetWebCastMeetings([AliasAs("lCommitteeId")] string committeeId, [AliasAs("sFromDate")] string fromDate, [AliasAs("sToDate")] string toDate, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetDeletedWebcastMeetings")]
    Task<HttpResponseMessage> GetDeletedWebcastMeetings([AliasAs("sFromDate")] string fromDate, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetElectionResults")]
    Task<HttpResponseMessage> GetElectionResults([AliasAs("lElectionId")] string electionId, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetMemberGroup")]
    Task<HttpResponseMessage> GetMemberGroup([AliasAs("sShortName")] string shortName, [AliasAs("sOrder")] string order, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetMpOrMepsAndWards")]
    Task<HttpResponseMessage> GetMpOrMepsAndWards([AliasAs("bIsMPs")] string isMps, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetMpOrMepAndWardsByPostcode")]
    Task<HttpResponseMessage> GetMpOrMepAndWardsByPostcode([AliasAs("sPostcode")] string postcode, [AliasAs("bIsMPs")] string isMps, CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetParishCouncils")]
    Task<HttpResponseMessage> GetParishCouncils(CancellationToken cancellationToken);

    [Get("/mgWebService.asmx/GetAttachment")]
    Task<HttpResponseMessage> GetAttachment([AliasAs("lAttachmentId")] string attachmentId, CancellationToken cancellationToken);
}
