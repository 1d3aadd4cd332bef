using LocalGov.ModernGov.Tests.Support;

namespace LocalGov.ModernGov.Tests.Parsing;

public sealed class LenientOperationTests
{
    [Fact]
    public async Task Parish_councils_in_the_guessed_shape_are_typed()
    {
        const string body = """
            <parishcouncils>
              <parishcouncilscount> 2</parishcouncilscount>
              <parishcouncil>
                <parishcouncilid>12</parishcouncilid>
                <parishcounciltitle>Great Missenden Parish Council</parishcounciltitle>
                <parishcouncilwebsite>https://greatmissenden.example.org.uk</parishcouncilwebsite>
                <parishcouncilcontact>Mrs A Clerk, Memorial Centre</parishcouncilcontact>
              </parishcouncil>
              <parishcouncil>
                <parishcouncilid>13</parishcouncilid>
                <parishcounciltitle>Little Town Council</parishcounciltitle>
              </parishcouncil>
            </parishcouncils>
            """;
        var (client, _) = StubHandler.Client(body);

        var parishes = await client.GetParishCouncilsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, parishes.Count);
        Assert.Equal(12L, parishes[0].Id);
        Assert.Equal("Great Missenden Parish Council", parishes[0].Name);
        Assert.Equal(new Uri("https://greatmissenden.example.org.uk"), parishes[0].Website);
        Assert.Equal("Mrs A Clerk, Memorial Centre", parishes[0].Contact);
        Assert.Empty(parishes[0].AdditionalFields);
        Assert.Equal("Little Town Council", parishes[1].Name);
    }

    [Fact]
    public async Task Clerk_contact_fields_are_exposed_whatever_their_names()
    {
        const string body = """
            <parishes>
              <parishcouncildetails>
                <name>Ash Parish Council</name>
                <clerk>
                  <clerkname>Jo Bloggs</clerkname>
                  <clerkemail>clerk@ash-pc.example.org</clerkemail>
                  <clerkphone>01234 567890</clerkphone>
                  <clerkaddress>
                    <line1>1 High Street</line1>
                    <line2>Ash</line2>
                    <postcode>AB1 2CD</postcode>
                  </clerkaddress>
                </clerk>
                <email>info@ash-pc.example.org</email>
                <meetingvenue>Village Hall</meetingvenue>
              </parishcouncildetails>
            </parishes>
            """;
        var (client, _) = StubHandler.Client(body);

        var parish = Assert.Single(await client.GetParishCouncilsAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Ash Parish Council", parish.Name);
        Assert.Equal("Jo Bloggs", parish.ClerkName);
        Assert.Equal("clerk@ash-pc.example.org", parish.Email);
        Assert.Equal("01234 567890", parish.Phone);
        Assert.Equal(["1 High Street", "Ash"], parish.Address);
        Assert.Equal("AB1 2CD", parish.Postcode);
        Assert.Equal("info@ash-pc.example.org", parish.AdditionalFields["email"]);
        Assert.Equal("Village Hall", parish.AdditionalFields["meetingvenue"]);
    }

    [Fact]
    public async Task Records_with_unknown_names_are_found_under_a_list_wrapper_and_kept_whole()
    {
        const string body = """
            <result><items><count> 1</count><thing><a>1</a><b>x &amp;amp; y</b></thing><thing><a>2</a></thing></items></result>
            """;
        var (client, _) = StubHandler.Client(body);

        var parishes = await client.GetParishCouncilsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, parishes.Count);
        Assert.Equal("x & y", parishes[0].AdditionalFields["b"]);
        Assert.Equal("1", parishes[0].AdditionalFields["a"]);
    }

    [Fact]
    public async Task No_parish_councils_is_an_empty_list()
    {
        var (client, _) = StubHandler.Client("<parishcouncils>\n  <parishcouncilscount> 0</parishcouncilscount>\n</parishcouncils>");

        Assert.Empty(await client.GetParishCouncilsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Xml_wrapped_in_an_asmx_string_is_unwrapped()
    {
        const string body = """
            <?xml version="1.0" encoding="utf-8"?>
            <string xmlns="http://moderngov.co.uk/namespaces">&lt;parishcouncils&gt;&lt;parishcouncil&gt;&lt;parishcounciltitle&gt;Ash&lt;/parishcounciltitle&gt;&lt;/parishcouncil&gt;&lt;/parishcouncils&gt;</string>
            """;
        var (client, _) = StubHandler.Client(body);

        Assert.Equal("Ash", Assert.Single(await client.GetParishCouncilsAsync(TestContext.Current.CancellationToken)).Name);
    }

    [Fact]
    public async Task Wrapped_xml_declaring_utf16_is_read_as_the_text_it_already_is()
    {
        const string body = """
            <?xml version="1.0" encoding="utf-8"?>
            <string xmlns="http://moderngov.co.uk/namespaces">&lt;?xml version="1.0" encoding="utf-16"?&gt;&lt;parishcouncils&gt;&lt;parishcouncil&gt;&lt;parishcounciltitle&gt;Ash &amp;amp; Éaling&lt;/parishcounciltitle&gt;&lt;/parishcouncil&gt;&lt;/parishcouncils&gt;</string>
            """;
        var (client, _) = StubHandler.Client(body);

        Assert.Equal("Ash & Éaling", Assert.Single(await client.GetParishCouncilsAsync(TestContext.Current.CancellationToken)).Name);
    }

    [Fact]
    public async Task Calendar_events_are_typed_leniently()
    {
        const string body = """
            <calendarevents><calendarevent><eventid>5</eventid><title>Full Council</title><date>04/03/2026</date><starttime>7.00 pm</starttime><location>Chamber</location><extra>kept</extra></calendarevent></calendarevents>
            """;
        var (client, handler) = StubHandler.Client(body);

        var events = await client.GetCalendarEventsAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), cancellationToken: TestContext.Current.CancellationToken);

        var e = Assert.Single(events);
        Assert.Equal(5L, e.Id);
        Assert.Equal(new DateOnly(2026, 3, 4), e.Date);
        Assert.Equal(new TimeOnly(19, 0), e.StartTime);
        Assert.Equal("kept", e.AdditionalFields["extra"]);
        Assert.Equal("?bGlobalCalendar=True&lUserId=0&sDateStart=01%2F03%2F2026&sDateEnd=31%2F03%2F2026", Assert.Single(handler.Requests).Query);
    }

    [Fact]
    public async Task Mps_keep_their_wards()
    {
        const string body = """
            <mpormepsandwards><mp><name>A Member MP</name><party>Labour</party><constituency>Example Central</constituency>
            <wards><ward><wardtitle>North</wardtitle></ward><ward><wardtitle>South</wardtitle></ward></wards></mp></mpormepsandwards>
            """;
        var (client, _) = StubHandler.Client(body);

        var mp = Assert.Single(await client.GetMpsOrMepsAndWardsAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("A Member MP", mp.Name);
        Assert.Equal("Example Central", mp.Constituency);
        Assert.Equal(["North", "South"], mp.Wards);
    }

    [Fact]
    public async Task Webcast_meetings_are_read_as_meeting_summaries()
    {
        const string body = """
            <webcastmeetings><webcastmeeting><meetingid>9</meetingid><meetingdate>01/02/2026</meetingdate><committeetitle>Cabinet</committeetitle><webcasturl>https://x.example/9</webcasturl></webcastmeeting></webcastmeetings>
            """;
        var (client, _) = StubHandler.Client(body);

        var meeting = Assert.Single(await client.GetWebcastMeetingsAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(9L, meeting.Id);
        Assert.Equal("Cabinet", meeting.CommitteeTitle);
        Assert.Equal("https://x.example/9", meeting.AdditionalFields["webcasturl"]);
    }
}
