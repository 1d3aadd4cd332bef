using System.Xml.Linq;

namespace LocalGov.ModernGov;

/// <summary>Mappers for the operations no recording confirms (parish councils, calendar, webcasts, MPs/MEPs).</summary>
internal static class LenientParsers
{
    private static readonly string[] ParishRecordNames = ["parishcouncil", "parish", "parishcouncildetails", "parishcouncildetail"];
    private static readonly string[] CalendarRecordNames = ["calendarevent", "event", "calendaritem", "meeting"];
    private static readonly string[] WebcastRecordNames = ["meeting", "webcastmeeting", "webcast", "deletedwebcastmeeting", "deletedwebcast"];
    private static readonly string[] MpRecordNames = ["mp", "mep", "mpormep", "mpormeps", "mpdetails", "mepdetails"];

    public static IReadOnlyList<ModernGovParishCouncil> ParishCouncils(XElement root, XmlLimits limits) =>
        [.. LenientRecord.FindRecords(root, ParishRecordNames, limits).Select(Parish)];

    public static IReadOnlyList<ModernGovCalendarEvent> CalendarEvents(XElement root, XmlLimits limits) =>
        [.. LenientRecord.FindRecords(root, CalendarRecordNames, limits).Select(CalendarEvent)];

    public static IReadOnlyList<ModernGovMeetingSummary> Webcasts(XElement root, XmlLimits limits) =>
        [.. LenientRecord.FindRecords(root, WebcastRecordNames, limits).Select(Webcast)];

    public static IReadOnlyList<ModernGovMpOrMep> MpsOrMeps(XElement root, XmlLimits limits) =>
        [.. LenientRecord.FindRecords(root, MpRecordNames, limits).Select(MpOrMep)];

    private static ModernGovParishCouncil Parish(LenientRecord r)
    {
        var id = r.Take(["parishcouncilid", "parishid", "councilid", "id"], LenientRecord.Long);
        var name = r.TakeText("parishcounciltitle", "parishcouncilname", "parishtitle", "parishname", "councilname", "title", "name")
            ?? r.TakeWhere(k => !k.Contains('/', StringComparison.Ordinal) && (k.EndsWith("title", StringComparison.Ordinal) || k.EndsWith("name", StringComparison.Ordinal)) && !IsPersonKey(k));
        var website = r.TakeUri("parishcouncilwebsite", "website", "websiteurl", "webaddress", "weburl", "url")
            ?? (ModernGovText.ParseUri(r.TakeWhere(k => k.Contains("website", StringComparison.Ordinal))) is { } site ? site : null);
        var clerk = r.TakeWhere(k => k.Contains("clerk", StringComparison.Ordinal) && (k.EndsWith("name", StringComparison.Ordinal) || k.EndsWith("clerk", StringComparison.Ordinal)))
            ?? r.TakeWhere(k => k.EndsWith("contactname", StringComparison.Ordinal) || k == "contact/name");
        var email = r.TakeWhere(k => k.Contains("clerk", StringComparison.Ordinal) && k.Contains("email", StringComparison.Ordinal))
            ?? r.TakeWhere(k => k.Contains("email", StringComparison.Ordinal));
        var phone = r.TakeWhere(k => k.Contains("clerk", StringComparison.Ordinal) && IsPhoneKey(k))
            ?? r.TakeWhere(IsPhoneKey);
        var address = r.TakeAllWhere(k => LenientRecord.IsLineKey(k) || (k.EndsWith("address", StringComparison.Ordinal) && !k.Contains("email", StringComparison.Ordinal) && !k.Contains("web", StringComparison.Ordinal)));
        var postcode = r.TakeWhere(k => k.Contains("postcode", StringComparison.Ordinal));
        var contact = r.TakeText("parishcouncilcontact", "contact", "contactdetails", "clerkdetails", "clerk");
        return new ModernGovParishCouncil
        {
            Id = id,
            Name = name,
            Website = website,
            ClerkName = clerk,
            Email = email,
            Phone = phone,
            Address = address,
            Postcode = postcode,
            Contact = contact,
            AdditionalFields = r.Rest(),
        };
    }

    private static bool IsPersonKey(string key) => key.Contains("clerk", StringComparison.Ordinal) || key.Contains("contact", StringComparison.Ordinal);

    private static bool IsPhoneKey(string key) =>
        key.Contains("phone", StringComparison.Ordinal) || key.EndsWith("tel", StringComparison.Ordinal) || key.Contains("telephone", StringComparison.Ordinal) || key.Contains("mobile", StringComparison.Ordinal);

    private static ModernGovCalendarEvent CalendarEvent(LenientRecord r) => new()
    {
        Id = r.Take(["eventid", "calendareventid", "meetingid", "id"], LenientRecord.Long),
        Title = r.TakeText("title", "eventtitle", "meetingtitle", "subject", "name", "description"),
        Date = r.Take(["date", "eventdate", "meetingdate", "startdate", "datestart"], LenientRecord.Date),
        StartTime = r.Take(["starttime", "time", "meetingtime", "eventtime", "timestart"], LenientRecord.Time),
        EndTime = r.Take(["endtime", "finishtime", "meetingplannedfinishtime", "timeend"], LenientRecord.Time),
        Location = r.TakeText("location", "meetinglocation", "venue", "eventlocation"),
        CommitteeId = r.Take(["committeeid"], LenientRecord.Long),
        CommitteeTitle = r.TakeText("committeetitle", "committeename"),
        Url = r.TakeUri("url", "link", "eventurl", "meetingurl"),
        AdditionalFields = r.Rest(),
    };

    private static ModernGovMeetingSummary Webcast(LenientRecord r) => new()
    {
        Id = r.Take(["meetingid", "webcastmeetingid", "id"], LenientRecord.Long),
        Date = r.Take(["meetingdate", "date", "webcastdate"], LenientRecord.Date),
        Time = r.Take(["meetingtime", "time", "starttime"], LenientRecord.Time),
        Status = r.TakeText("meetingstatus", "status"),
        CommitteeId = r.Take(["committeeid"], LenientRecord.Long),
        CommitteeTitle = r.TakeText("committeetitle", "committeename", "title"),
        IsWebcast = r.Take(["iswebcast"], LenientRecord.Bool),
        Location = r.TakeText("meetinglocation", "location"),
        IsAgendaPublished = r.Take(["agendapublished"], LenientRecord.Bool),
        AdditionalFields = r.Rest(),
    };

    private static ModernGovMpOrMep MpOrMep(LenientRecord r) => new()
    {
        Id = r.Take(["memberid", "mpid", "mepid", "councillorid", "userid", "id"], LenientRecord.Long),
        Name = r.TakeText("fullusername", "fullname", "mpname", "mepname", "name", "title"),
        Party = r.TakeText("politicalpartytitle", "politicalparty", "party", "partyname", "partytitle"),
        Constituency = r.TakeText("constituency", "constituencytitle", "constituencyname", "region", "regiontitle", "districttitle", "representing"),
        PhotoUrl = r.TakeUri("photosmallurl", "photobigurl", "photourl", "photo"),
        Email = r.TakeWhere(k => k.Contains("email", StringComparison.Ordinal)),
        Wards = r.TakeAllWhere(k => k.EndsWith("wardtitle", StringComparison.Ordinal) || k.EndsWith("wardname", StringComparison.Ordinal) || k == "ward" || k.EndsWith("/ward", StringComparison.Ordinal)),
        AdditionalFields = r.Rest(),
    };
}
