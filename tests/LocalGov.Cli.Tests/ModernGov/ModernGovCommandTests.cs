using System.Text.Json;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Cli.Tests.ModernGov;

public sealed class ModernGovCommandTests
{
    private const string Wards = """
        <?xml version="1.0" encoding="utf-8"?>
        <councillorsbyward><wards><ward><wardtitle>Creigiau &amp; St Fagans</wardtitle><councillors><councillorcount> 1</councillorcount>
        <councillor><councillorid>192</councillorid><fullusername>Councillor Ann Example</fullusername><politicalpartytitle>Labour &amp;amp; Co-operative</politicalpartytitle>
        <workaddress><email>ann@example.gov.uk</email></workaddress></councillor></councillors></ward></wards></councillorsbyward>
        """;

    private const string Committees = """
        <committees><committeescount> 2</committeescount>
        <committee><committeeid>312</committeeid><committeetitle>Audit</committeetitle><committeedeleted>False</committeedeleted><committeeexpired>True</committeeexpired><committeecategory>Governance</committeecategory></committee>
        <committee><committeeid>163</committeeid><committeetitle>Art Galleries</committeetitle><committeedeleted>False</committeedeleted><committeeexpired>False</committeeexpired></committee></committees>
        """;

    private const string Meetings = """
        <getmeetings><meetingscount> 1</meetingscount><committee><committeeid>144</committeeid><committeetitle>Audit Committee</committeetitle>
        <committeemeetings><meeting><meetingid>4966</meetingid><meetingdate>13/01/2026</meetingdate><meetingstatus>Cancelled</meetingstatus><meetingtime>10.00 am</meetingtime><iswebcast>False</iswebcast></meeting></committeemeetings></committee></getmeetings>
        """;

    private const string Meeting = """
        <meeting><meetingid>4967</meetingid><meetingdate>10/02/2026</meetingdate><meetingstatus>Confirmed</meetingstatus><meetingtime>10.00 am</meetingtime>
        <agendaitems><agendaitem><agendaitemid>1</agendaitemid><agendaitemtitle>Minutes</agendaitemtitle><agendatext>&lt;p&gt;To approve&lt;/p&gt;</agendatext></agendaitem></agendaitems>
        <attendees><attendee memberid="192" name="Councillor Basil Example" roledescription="Chair" attendance="Expected" politicalparty="LAB"><url>https://x.example/u</url></attendee></attendees></meeting>
        """;

    private const string Election = """
        <election><candidatecount> 1</candidatecount><electionid>397</electionid><title>By-election</title>
        <candidates><candidate><candidatename>A Candidate</candidatename><numvotes>70</numvotes><iselected>True</iselected></candidate></candidates><electionareas></electionareas></election>
        """;

    private static Task<LoopbackServer> Serve(string body, int status = 200, string type = "text/xml; charset=utf-8") =>
        LoopbackServer.StartAsync(status, body, type, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Councillors_by_ward_prints_wards_with_their_councillors()
    {
        await using var server = await Serve(Wards);

        var result = await CliRunner.RunAsync("moderngov", "councillors-by-ward", "--url", server.BaseAddress.ToString(), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var ward = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("Creigiau & St Fagans", ward.GetProperty("title").GetString());
        var councillor = Assert.Single(ward.GetProperty("councillors").EnumerateArray().ToList());
        Assert.Equal(192, councillor.GetProperty("id").GetInt64());
        Assert.Equal("Councillor Ann Example", councillor.GetProperty("fullName").GetString());
        Assert.Equal("Labour & Co-operative", councillor.GetProperty("party").GetString());
        Assert.Equal("ann@example.gov.uk", councillor.GetProperty("email").GetString());
        Assert.Equal("/mgWebService.asmx/GetCouncillorsByWard", Assert.Single(server.Requests));
    }

    [Fact]
    public async Task Committees_prints_an_array_of_id_and_title()
    {
        await using var server = await Serve(Committees);

        var result = await CliRunner.RunAsync("moderngov", "committees", "--url", server.BaseAddress + "mgListCommittees.aspx", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var committees = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, committees.Count);
        Assert.Equal(312, committees[0].GetProperty("id").GetInt64());
        Assert.Equal("Audit", committees[0].GetProperty("title").GetString());
        Assert.True(committees[0].GetProperty("isExpired").GetBoolean());
    }

    [Fact]
    public async Task Committees_as_text_is_one_tab_separated_line_each()
    {
        await using var server = await Serve(Committees);

        var result = await CliRunner.RunAsync("moderngov", "committees", "--url", server.BaseAddress.ToString());

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["312\tAudit\tGovernance\texpired", "163\tArt Galleries"], lines);
    }

    [Fact]
    public async Task Meetings_takes_iso_dates_and_sends_them_day_first()
    {
        await using var server = await Serve(Meetings);

        var result = await CliRunner.RunAsync("moderngov", "meetings", "--url", server.BaseAddress.ToString(), "--committee", "144", "--from", "2026-01-01", "--to", "2026-06-30", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/mgWebService.asmx/GetMeetings?lCommitteeId=144&sFromDate=01%2F01%2F2026&sToDate=30%2F06%2F2026", Assert.Single(server.Requests));
        using var json = JsonDocument.Parse(result.Output);
        var meeting = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(4966, meeting.GetProperty("id").GetInt64());
        Assert.Equal("2026-01-13", meeting.GetProperty("date").GetString());
        Assert.Equal(144, meeting.GetProperty("committeeId").GetInt64());
        Assert.Equal("10:00:00", meeting.GetProperty("time").GetString());
    }

    [Fact]
    public async Task All_committees_value_is_configurable()
    {
        await using var server = await Serve(Meetings);

        var result = await CliRunner.RunAsync("moderngov", "all-meetings-by-date", "--url", server.BaseAddress.ToString(), "--from", "2026-01-01", "--to", "2026-01-31", "--all-committees-value", "-1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/mgWebService.asmx/GetAllMeetingsByDate?lCommitteeId=-1&sFromDate=01%2F01%2F2026&sToDate=31%2F01%2F2026&bIsAscendingDateOrder=True", Assert.Single(server.Requests));
    }

    [Fact]
    public async Task Meeting_prints_one_object_with_agenda_items_and_attendees()
    {
        await using var server = await Serve(Meeting);

        var result = await CliRunner.RunAsync("moderngov", "meeting", "--url", server.BaseAddress.ToString(), "--meeting", "4967", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        var item = Assert.Single(json.RootElement.GetProperty("agendaItems").EnumerateArray().ToList());
        Assert.Equal("<p>To approve</p>", item.GetProperty("text").GetProperty("html").GetString());
        Assert.Equal("To approve", item.GetProperty("text").GetProperty("plainText").GetString());
        var attendee = Assert.Single(json.RootElement.GetProperty("attendees").EnumerateArray().ToList());
        Assert.Equal("Councillor Basil Example", attendee.GetProperty("name").GetString());
        Assert.Equal("Expected", attendee.GetProperty("attendance").GetString());
        Assert.Equal("?lMeetingId=4967", new Uri(server.BaseAddress, Assert.Single(server.Requests)).Query);
    }

    [Fact]
    public async Task Election_results_prints_one_object_with_candidates()
    {
        await using var server = await Serve(Election);

        var result = await CliRunner.RunAsync("moderngov", "election-results", "--url", server.BaseAddress.ToString(), "--election", "15", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var candidate = Assert.Single(json.RootElement.GetProperty("candidates").EnumerateArray().ToList());
        Assert.Equal("A Candidate", candidate.GetProperty("name").GetString());
        Assert.True(candidate.GetProperty("isElected").GetBoolean());
        Assert.Equal(397, json.RootElement.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Parish_councils_prints_whatever_clerk_fields_the_council_sends()
    {
        await using var server = await Serve("<parishcouncils><parishcouncil><parishcounciltitle>Ash PC</parishcounciltitle><clerkname>Jo Bloggs</clerkname><clerkemail>clerk@ash.example</clerkemail><hall>Village Hall</hall></parishcouncil></parishcouncils>");

        var result = await CliRunner.RunAsync("moderngov", "parish-councils", "--url", server.BaseAddress.ToString(), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var parish = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("Ash PC", parish.GetProperty("name").GetString());
        Assert.Equal("Jo Bloggs", parish.GetProperty("clerkName").GetString());
        Assert.Equal("clerk@ash.example", parish.GetProperty("email").GetString());
        Assert.Equal("Village Hall", parish.GetProperty("additionalFields").GetProperty("hall").GetString());
    }

    [Fact]
    public async Task An_html_page_served_with_200_is_a_remote_service_error_on_stderr()
    {
        await using var server = await Serve("<html><body><script>window.location='https://x'</script></body></html>", 200, "text/html");

        var result = await CliRunner.RunAsync("moderngov", "councillors-by-ward", "--url", server.BaseAddress.ToString(), "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.True(string.IsNullOrWhiteSpace(result.Output));
        Assert.Contains("redirect", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_meeting_that_does_not_exist_is_not_found()
    {
        await using var server = await Serve("<meeting>\n</meeting>");

        var result = await CliRunner.RunAsync("moderngov", "meeting", "--url", server.BaseAddress.ToString(), "--meeting", "1");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("No meeting 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_a_remote_service_error_after_the_retries_asked_for()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return context.Response.WriteAsync("down", context.RequestAborted);
        }, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("moderngov", "committees", "--url", server.BaseAddress.ToString(), "--retries", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(server.Requests);
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("meetings", "--url", "https://x.example/", "--from", "13/01/2026")]
    [InlineData("committees", "--url", "not a url")]
    [InlineData("committees")]
    [InlineData("meeting", "--url", "https://x.example/")]
    [InlineData("committees", "--url", "https://x.example/", "--all-committees-value", "7")]
    public async Task Bad_command_lines_are_usage_errors(params string[] args)
    {
        var result = await CliRunner.RunAsync(["moderngov", .. args]);

        Assert.Equal(1, result.ExitCode);
        Assert.NotEmpty(result.Error);
        Assert.True(string.IsNullOrWhiteSpace(result.Output));
    }

    [Fact]
    public async Task Help_lists_every_operation_and_never_the_admin_ones()
    {
        var result = await CliRunner.RunAsync("moderngov", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "councillors-by-ward", "councillors-by-ward-id", "councillors-by-postcode", "committees", "committees-by-user", "meetings", "meeting", "all-meetings-by-date", "calendar-events", "webcast-meetings", "deleted-webcast-meetings", "election-results", "member-group", "mps-and-wards", "mp-by-postcode", "parish-councils", "attachment" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("diagnostics", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("comms", result.Output, StringComparison.OrdinalIgnoreCase);
    }
}
