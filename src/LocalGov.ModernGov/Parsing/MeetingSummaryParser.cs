namespace LocalGov.ModernGov;

/// <summary>
/// Meeting lists in both shapes seen: <c>getmeetings/committee*{committeeid, committeetitle, committeemeetings/meeting*}</c>
/// and <c>getmeetingsbydate/meetings/meeting*{…, committeeid, committeetitle}</c>. Meetings are found at any depth; a
/// meeting listed under a committee takes that committee's id and title unless it names its own.
/// </summary>
internal static class MeetingSummaryParser
{
    private static readonly string[] MeetingElementNames = ["meeting", "webcastmeeting", "webcast", "deletedwebcastmeeting"];

    public static IReadOnlyList<ModernGovMeetingSummary> Parse(XmlCursor x)
    {
        var meetings = new List<ModernGovMeetingSummary>();
        Walk(x, x.Enter(), meetings, null, null);
        return meetings;
    }

    private static void Walk(XmlCursor x, int depth, List<ModernGovMeetingSummary> meetings, long? committeeId, string? committeeTitle)
    {
        while (x.NextChild(depth))
        {
            var name = x.Name;
            if (Array.IndexOf(MeetingElementNames, name) >= 0)
            {
                meetings.Add(ParseMeeting(x, committeeId, committeeTitle));
            }
            else if (name == "committee")
            {
                ParseCommittee(x, meetings);
            }
            else
            {
                Walk(x, x.Enter(), meetings, committeeId, committeeTitle);
            }
        }
    }

    private static void ParseCommittee(XmlCursor x, List<ModernGovMeetingSummary> meetings)
    {
        var ignored = x.NewBag();
        long? id = null;
        string? title = null;
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "committeeid":
                    id = x.ReadLong(ref ignored);
                    break;
                case "committeetitle":
                    title = x.ReadText();
                    break;
                case var name when Array.IndexOf(MeetingElementNames, name) >= 0:
                    meetings.Add(ParseMeeting(x, id, title));
                    break;
                default:
                    Walk(x, x.Enter(), meetings, id, title);
                    break;
            }
        }
    }

    private static ModernGovMeetingSummary ParseMeeting(XmlCursor x, long? committeeId, string? committeeTitle)
    {
        var bag = x.NewBag();
        long? id = null, ownCommitteeId = null;
        DateOnly? date = null;
        TimeOnly? time = null;
        string? status = null, ownCommitteeTitle = null, location = null;
        bool? webcast = null, agendaPublished = null;
        var depth = x.Enter();
        while (x.NextChild(depth))
        {
            switch (x.Name)
            {
                case "meetingid":
                    id = x.ReadLong(ref bag);
                    break;
                case "meetingdate":
                    date = x.ReadDate(ref bag);
                    break;
                case "meetingtime":
                    time = x.ReadTime(ref bag);
                    break;
                case "meetingstatus":
                    status = x.ReadText();
                    break;
                case "committeeid":
                    ownCommitteeId = x.ReadLong(ref bag);
                    break;
                case "committeetitle":
                    ownCommitteeTitle = x.ReadText();
                    break;
                case "iswebcast":
                    webcast = x.ReadBool(ref bag);
                    break;
                case "meetinglocation":
                    location = x.ReadText();
                    break;
                case "agendapublished":
                    agendaPublished = x.ReadBool(ref bag);
                    break;
                default:
                    x.Keep(ref bag);
                    break;
            }
        }

        return new ModernGovMeetingSummary
        {
            Id = id,
            Date = date,
            Time = time,
            Status = status,
            CommitteeId = ownCommitteeId ?? committeeId,
            CommitteeTitle = ownCommitteeTitle ?? committeeTitle,
            IsWebcast = webcast,
            Location = location,
            IsAgendaPublished = agendaPublished,
            AdditionalFields = bag.Build(),
        };
    }
}
