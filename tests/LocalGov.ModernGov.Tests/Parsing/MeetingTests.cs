using LocalGov.ModernGov.Tests.Support;

namespace LocalGov.ModernGov.Tests.Parsing;

public sealed class MeetingTests
{
    [Fact]
    public async Task Committees_are_typed()
    {
        var (client, _) = StubHandler.Client(Fixtures.Committees);

        var committees = await client.GetCommitteesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, committees.Count);
        Assert.Equal(312L, committees[0].Id);
        Assert.Equal("Appointments & Audit", committees[0].Title);
        Assert.False(committees[0].IsDeleted);
        Assert.True(committees[0].IsExpired);
        Assert.Equal("Sub", committees[0].AdditionalFields["committeetype"]);
        Assert.Null(committees[1].IsExpired);
        Assert.Equal("maybe", committees[1].AdditionalFields["committeeexpired"]);
        Assert.Null(committees[1].Category);
    }

    [Fact]
    public async Task Meetings_listed_per_committee_are_flattened_with_their_committee()
    {
        var (client, _) = StubHandler.Client(Fixtures.MeetingsByCommittee);

        var meetings = await client.GetMeetingsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([4966L, 4967L, 5000L], meetings.Select(m => m.Id!.Value));
        Assert.Equal(new DateOnly(2026, 1, 13), meetings[0].Date);
        Assert.Equal(new TimeOnly(10, 0), meetings[0].Time);
        Assert.Equal(144L, meetings[0].CommitteeId);
        Assert.Equal("Audit Committee", meetings[0].CommitteeTitle);
        Assert.False(meetings[0].IsWebcast);
        Assert.Equal(new TimeOnly(14, 0), meetings[1].Time);
        Assert.Equal("Confirmed; Rescheduled from 24 September 2026", meetings[1].Status);
        Assert.True(meetings[1].IsAgendaPublished);
        Assert.Equal("Town Hall", meetings[1].Location);
        Assert.Equal(new TimeOnly(12, 0), meetings[2].Time);
        Assert.Equal(200L, meetings[2].CommitteeId);
    }

    [Fact]
    public async Task Meetings_by_date_read_the_flat_shape()
    {
        var (client, _) = StubHandler.Client(Fixtures.MeetingsByDate);

        var meetings = await client.GetAllMeetingsByDateAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, meetings.Count);
        Assert.Equal(10L, meetings[0].CommitteeId);
        Assert.Equal("Planning", meetings[0].CommitteeTitle);
        Assert.Equal(new TimeOnly(18, 30), meetings[0].Time);
        Assert.Null(meetings[1].Time);
    }

    [Fact]
    public async Task Meeting_has_agenda_html_documents_and_attendees_from_attributes()
    {
        var (client, _) = StubHandler.Client(Fixtures.Meeting);

        var meeting = await client.GetMeetingAsync(4967, TestContext.Current.CancellationToken);

        Assert.Equal(4967L, meeting.Id);
        Assert.Equal(new DateOnly(2026, 2, 10), meeting.Date);
        Assert.Null(meeting.ActualStartTime);
        Assert.Equal(new TimeOnly(14, 0), meeting.PlannedFinishTime);
        Assert.Null(meeting.Room);
        Assert.True(meeting.IsMinutesPublished);
        var item = Assert.Single(meeting.AgendaItems);
        Assert.Equal("0", item.Number);
        Assert.Equal("1.", item.DisplayNumber);
        Assert.NotNull(item.Text);
        Assert.StartsWith("<div class=\"WordSection1\">", item.Text.Html, StringComparison.Ordinal);
        Assert.Equal("To approve the minutes & actions.\nSecond paragraph", item.Text.PlainText);
        var document = Assert.Single(item.LinkedDocuments);
        Assert.Equal(60860L, document.AttachmentId);
        Assert.False(document.IsUrl);
        Assert.Null(document.RestrictionsReference);
        Assert.Equal(new DateOnly(2026, 2, 2), document.PublicationDate);
        var attendee = Assert.Single(meeting.Attendees);
        Assert.Equal(192L, attendee.MemberId);
        Assert.Equal("Councillor Basil Example", attendee.Name);
        Assert.Equal("Chair", attendee.Role);
        Assert.Equal("Expected", attendee.Attendance);
        Assert.Equal("LAB", attendee.Party);
        Assert.Equal("Charlestown", attendee.Ward);
        Assert.Equal("Chair of Scrutiny", attendee.KeyPosts);
        Assert.Equal("no", attendee.AdditionalFields["@substitute"]);
        Assert.Equal(new Uri("https://democracy.example.gov.uk/mgUserInfo.aspx?UID=192"), attendee.Url);
        Assert.NotNull(attendee.PhotoSmallUrl);
    }

    [Fact]
    public async Task An_empty_meeting_is_not_found()
    {
        var (client, _) = StubHandler.Client("<meeting>\n  <meetingid>\n  </meetingid>\n</meeting>");

        var error = await Assert.ThrowsAsync<ModernGovNotFoundException>(() => client.GetMeetingAsync(99, TestContext.Current.CancellationToken));

        Assert.Equal("GetMeeting", error.Operation);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Election_results_are_typed()
    {
        var (client, _) = StubHandler.Client(Fixtures.Election);

        var election = await client.GetElectionResultsAsync(15, TestContext.Current.CancellationToken);

        Assert.Equal(397L, election.Id);
        Assert.Equal(2, election.CandidateCount);
        Assert.Equal("Intranet and Internet", election.Visibility);
        Assert.Null(election.Description);
        Assert.Equal(2, election.Candidates.Count);
        Assert.Equal(new DateTime(2018, 4, 19, 10, 52, 0), election.Candidates[0].VoteDateTime);
        Assert.True(election.Candidates[1].IsElected);
        Assert.Equal(2640L, election.Candidates[1].Votes);
        var area = Assert.Single(election.Areas);
        Assert.Equal(1, area.Seats);
        Assert.Null(area.VotingStart);
        var spoiled = Assert.Single(area.SpoiledVotes);
        Assert.Equal(new DateTime(2025, 5, 2, 18, 0, 0), spoiled.UpdatedAt);
    }

    [Fact]
    public async Task Attachment_details_are_read_from_the_wrapper()
    {
        const string body = """
            <attachment><attachmentdetails><attachmentid>60860</attachmentid><title>Report</title><isurl>False</isurl>
            <url>https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=60860</url><meetingdate>10/02/2026</meetingdate><pages>12</pages></attachmentdetails><source>archive</source></attachment>
            """;
        var (client, _) = StubHandler.Client(body);

        var document = await client.GetAttachmentAsync(60860, TestContext.Current.CancellationToken);

        Assert.Equal(60860L, document.AttachmentId);
        Assert.Equal("Report", document.Title);
        Assert.Equal(new DateOnly(2026, 2, 10), document.MeetingDate);
        Assert.Equal("12", document.AdditionalFields["pages"]);
        Assert.Equal("archive", document.AdditionalFields["source"]);
    }
}
