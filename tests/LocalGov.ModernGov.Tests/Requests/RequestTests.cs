using LocalGov.ModernGov.Tests.Support;

namespace LocalGov.ModernGov.Tests.Requests;

public sealed class RequestTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    public static TheoryData<string, string> Operations => new()
    {
        { "GetCouncillorsByWard", "" },
        { "GetCouncillorsByWardId", "?lWardId=42" },
        { "GetCouncillorsByPostcode", "?sPostcode=M1%201AA" },
        { "GetCommittees", "" },
        { "GetCommitteesByUser", "?lUserId=192" },
        { "GetMeetings", "?lCommitteeId=-1&sFromDate=&sToDate=" },
        { "GetMeeting", "?lMeetingId=4967" },
        { "GetAllMeetingsByDate", "?lCommitteeId=-1&sFromDate=01%2F01%2F2026&sToDate=31%2F12%2F2026&bIsAscendingDateOrder=False" },
        { "GetCalendarEvents", "?bGlobalCalendar=False&lUserId=7&sDateStart=&sDateEnd=" },
        { "GetWebCastMeetings", "?lCommitteeId=144&sFromDate=01%2F01%2F2026&sToDate=" },
        { "GetDeletedWebcastMeetings", "?sFromDate=" },
        { "GetElectionResults", "?lElectionId=15" },
        { "GetMemberGroup", "?sShortName=CAB&sOrder=" },
        { "GetMpOrMepsAndWards", "?bIsMPs=False" },
        { "GetMpOrMepAndWardsByPostcode", "?sPostcode=M1%201AA&bIsMPs=True" },
        { "GetParishCouncils", "" },
        { "GetAttachment", "?lAttachmentId=60860" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_declared_parameter_is_sent_with_dates_day_first(string operation, string query)
    {
        var (client, handler) = StubHandler.Client("<html><body>not xml</body></html>", configure: o => { o.BaseUrl = new Uri("https://www.example.gov.uk/moderngov/mgListCommittees.aspx"); o.AllCommitteesValue = -1; });

        // The body does not matter here: only the request is checked.
        await Assert.ThrowsAnyAsync<ModernGovException>(() => Call(client, operation));

        var uri = Assert.Single(handler.Requests);
        Assert.Equal("/moderngov/mgWebService.asmx/" + operation, uri.AbsolutePath);
        Assert.Equal(query, uri.Query);
    }

    [Fact]
    public async Task The_user_agent_is_descriptive_by_default()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        var client = new ModernGovClient(http, new ModernGovCouncilOptions { BaseUrl = new Uri("https://democracy.example.gov.uk") });

        await client.GetCommitteesAsync(TestContext.Current.CancellationToken);

        Assert.Contains("LocalGov.ModernGov", handler.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reversed_dates_are_refused_before_sending()
    {
        var (client, handler) = StubHandler.Client("<x/>");

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetMeetingsAsync(1, new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), Ct));
        Assert.Empty(handler.Requests);
    }

    private static Task Call(ModernGovClient c, string operation) => operation switch
    {
        "GetCouncillorsByWard" => c.GetCouncillorsByWardAsync(Ct),
        "GetCouncillorsByWardId" => c.GetCouncillorsByWardIdAsync(42, Ct),
        "GetCouncillorsByPostcode" => c.GetCouncillorsByPostcodeAsync(" M1 1AA ", Ct),
        "GetCommittees" => c.GetCommitteesAsync(Ct),
        "GetCommitteesByUser" => c.GetCommitteesByUserAsync(192, Ct),
        "GetMeetings" => c.GetMeetingsAsync(cancellationToken: Ct),
        "GetMeeting" => c.GetMeetingAsync(4967, Ct),
        "GetAllMeetingsByDate" => c.GetAllMeetingsByDateAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ascending: false, cancellationToken: Ct),
        "GetCalendarEvents" => c.GetCalendarEventsAsync(globalCalendar: false, userId: 7, cancellationToken: Ct),
        "GetWebCastMeetings" => c.GetWebcastMeetingsAsync(144, new DateOnly(2026, 1, 1), cancellationToken: Ct),
        "GetDeletedWebcastMeetings" => c.GetDeletedWebcastMeetingsAsync(cancellationToken: Ct),
        "GetElectionResults" => c.GetElectionResultsAsync(15, Ct),
        "GetMemberGroup" => c.GetMemberGroupAsync("CAB", cancellationToken: Ct),
        "GetMpOrMepsAndWards" => c.GetMpsOrMepsAndWardsAsync(false, Ct),
        "GetMpOrMepAndWardsByPostcode" => c.GetMpOrMepAndWardsByPostcodeAsync("M1 1AA", true, Ct),
        "GetParishCouncils" => c.GetParishCouncilsAsync(Ct),
        "GetAttachment" => c.GetAttachmentAsync(60860, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public string UserAgent { get; private set; } = "";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            UserAgent = string.Join(" ", request.Headers.GetValues("User-Agent"));
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("<committees/>") });
        }
    }
}
