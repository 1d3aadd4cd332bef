using System.Globalization;
using LocalGov.Cli.Infrastructure;
using LocalGov.ModernGov;

namespace LocalGov.Cli.ModernGov;

/// <summary>The plain-text form of each result: one line per record, tab-separated, for reading or <c>cut</c>.</summary>
internal static class ModernGovTextOutput
{
    public static void Wards(TextWriter output, IReadOnlyList<ModernGovWard> wards)
    {
        foreach (var ward in wards)
        {
            output.WriteLine(TerminalText.Clean(ward.Title) ?? "(no ward)");
            foreach (var c in ward.Councillors)
            {
                output.WriteLine(Join("  " + Id(c.Id), c.FullName, c.Party, c.Email));
            }
        }
    }

    public static void Members(TextWriter output, IReadOnlyList<ModernGovCouncillor> members)
    {
        foreach (var c in members)
        {
            output.WriteLine(Join(Id(c.Id), c.FullName, c.Party, c.PoliticalGroup, c.Email));
        }
    }

    public static void Committees(TextWriter output, IReadOnlyList<ModernGovCommittee> committees)
    {
        foreach (var c in committees)
        {
            output.WriteLine(Join(Id(c.Id), c.Title, c.Category, c.IsExpired == true ? "expired" : null, c.IsDeleted == true ? "deleted" : null));
        }
    }

    public static void Meetings(TextWriter output, IReadOnlyList<ModernGovMeetingSummary> meetings)
    {
        foreach (var m in meetings)
        {
            output.WriteLine(Join(Id(m.Id), Date(m.Date), Time(m.Time), m.CommitteeTitle ?? Id(m.CommitteeId), m.Status));
        }
    }

    public static void Meeting(TextWriter output, ModernGovMeeting meeting)
    {
        output.WriteLine(Join(Id(meeting.Id), Date(meeting.Date), Time(meeting.Time), meeting.Status, meeting.Location));
        output.WriteLine("Agenda:");
        foreach (var item in meeting.AgendaItems)
        {
            output.WriteLine(Join("  " + (item.DisplayNumber ?? item.Number ?? "-"), item.Title));
            foreach (var document in item.LinkedDocuments)
            {
                output.WriteLine(Join("    " + document.Title, document.Url?.ToString()));
            }
        }

        output.WriteLine("Attendees:");
        foreach (var a in meeting.Attendees)
        {
            output.WriteLine(Join("  " + a.Name, a.Role, a.Attendance, a.Party));
        }
    }

    public static void Election(TextWriter output, ModernGovElectionResult election)
    {
        output.WriteLine(Join(Id(election.Id), election.Title, election.ElectionType));
        foreach (var c in election.Candidates.OrderByDescending(c => c.Votes ?? 0))
        {
            output.WriteLine(Join("  " + c.Name, c.Party, c.AreaTitle, c.Votes?.ToString(CultureInfo.InvariantCulture), c.IsElected == true ? "elected" : null));
        }
    }

    public static void CalendarEvents(TextWriter output, IReadOnlyList<ModernGovCalendarEvent> events)
    {
        foreach (var e in events)
        {
            output.WriteLine(Join(Id(e.Id), Date(e.Date), Time(e.StartTime), e.Title ?? e.CommitteeTitle, e.Location));
        }
    }

    public static void Mps(TextWriter output, IReadOnlyList<ModernGovMpOrMep> members)
    {
        foreach (var m in members)
        {
            output.WriteLine(Join(m.Name, m.Party, m.Constituency, string.Join(", ", m.Wards)));
        }
    }

    public static void ParishCouncils(TextWriter output, IReadOnlyList<ModernGovParishCouncil> parishes)
    {
        foreach (var p in parishes)
        {
            output.WriteLine(Join(p.Name, p.ClerkName, p.Email, p.Phone, p.Website?.ToString()));
        }
    }

    public static void Document(TextWriter output, ModernGovDocument document) =>
        output.WriteLine(Join(Id(document.AttachmentId), document.Title, document.Url?.ToString(), Date(document.PublicationDate)));

    // Every value comes from the council's server: cleaned so it cannot drive the terminal or forge lines and columns.
    private static string Join(params string?[] fields) => string.Join('\t', fields.Select(f => TerminalText.Clean(f) ?? string.Empty)).TrimEnd('\t');

    private static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);
}
