using System.Xml.Linq;
using LocalGov.ModernGov;
using LocalGov.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Conformance.Tests.ModernGov;

/// <summary>
/// Serves every recorded response from a loopback server and reads it through the whole client (DI, resilience,
/// parser): counts equal the XML's, no escaping artefact survives, no text is lost, HTML bodies raise typed errors.
/// </summary>
public sealed class RecordedResponseTests
{
    private static readonly string[] EscapingArtefacts = ["&amp;", "&quot;", "&#39;", "&apos;", "&lt;", "&gt;", "&#34;", "&#38;"];

    public static TheoryData<string> Recordings => RecordedResponses.All();

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Every_recording_reads_through_the_whole_client(string recording)
    {
        var path = SharedData.Require(recording);
        var operation = RecordedResponses.OperationOf(recording);
        var body = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = recording.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "text/xml; charset=utf-8" : "text/html";
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }, TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddModernGov("Recorded", o => { o.BaseUrl = server.BaseAddress; o.RetryDelay = TimeSpan.FromMilliseconds(10); });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IModernGovClientFactory>().GetClient("Recorded");

        if (RecordedResponses.IsNegative(recording))
        {
            var error = await Assert.ThrowsAnyAsync<ModernGovUnexpectedContentException>(() => Call(client, operation));
            Assert.Equal(System.Net.HttpStatusCode.OK, error.StatusCode);
            Assert.NotEqual(ModernGovContentKind.UnexpectedXml, error.Kind);
            Assert.Single(server.Requests);
            return;
        }

        var model = await Call(client, operation);

        Assert.StartsWith("/mgWebService.asmx/" + operation, Assert.Single(server.Requests), StringComparison.Ordinal);
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body));
        AssertCounts(operation, document, model);
        AssertNoEscapingArtefacts(model);
        AssertNoTextLost(document, model);
    }

    [Fact]
    public async Task The_council_with_no_wards_returns_an_empty_list()
    {
        var path = SharedData.Require("data/moderngov/east-hertfordshire/GetCouncillorsByWard.xml");
        await using var server = await LoopbackServer.StartAsync(200, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var client = new ModernGovClient(http, new ModernGovCouncilOptions { BaseUrl = server.BaseAddress }, "East Herts");

        Assert.Empty(await client.GetCouncillorsByWardAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_javascript_redirect_served_with_200_is_recognised()
    {
        var path = SharedData.Require("data/moderngov/denbighshire/GetCouncillorsByWard.error-http-redirect.html");
        await using var server = await LoopbackServer.StartAsync(200, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), "text/html", TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var client = new ModernGovClient(http, new ModernGovCouncilOptions { BaseUrl = server.BaseAddress }, "Denbighshire");

        var error = await Assert.ThrowsAsync<ModernGovUnexpectedContentException>(() => client.GetCouncillorsByWardAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ModernGovContentKind.JavaScriptRedirect, error.Kind);
        Assert.Equal("Denbighshire", error.Council);
    }

    private static async Task<object> Call(IModernGovClient c, string operation)
    {
        var ct = TestContext.Current.CancellationToken;
        return operation switch
        {
            "GetCouncillorsByWard" => await c.GetCouncillorsByWardAsync(ct),
            "GetCouncillorsByWardId" => await c.GetCouncillorsByWardIdAsync(1, ct),
            "GetCouncillorsByPostcode" => await c.GetCouncillorsByPostcodeAsync("SW1A 1AA", ct),
            "GetCommittees" => await c.GetCommitteesAsync(ct),
            "GetCommitteesByUser" => await c.GetCommitteesByUserAsync(1, ct),
            "GetMeetings" => await c.GetMeetingsAsync(1, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ct),
            "GetMeeting" => await c.GetMeetingAsync(1, ct),
            "GetAllMeetingsByDate" => await c.GetAllMeetingsByDateAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), cancellationToken: ct),
            "GetCalendarEvents" => await c.GetCalendarEventsAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), cancellationToken: ct),
            "GetWebCastMeetings" => await c.GetWebcastMeetingsAsync(cancellationToken: ct),
            "GetDeletedWebcastMeetings" => await c.GetDeletedWebcastMeetingsAsync(new DateOnly(2026, 1, 1), ct),
            "GetElectionResults" => await c.GetElectionResultsAsync(1, ct),
            "GetMemberGroup" => await c.GetMemberGroupAsync(cancellationToken: ct),
            "GetMpOrMepsAndWards" => await c.GetMpsOrMepsAndWardsAsync(true, ct),
            "GetMpOrMepAndWardsByPostcode" => await c.GetMpOrMepAndWardsByPostcodeAsync("SW1A 1AA", true, ct),
            "GetParishCouncils" => await c.GetParishCouncilsAsync(ct),
            "GetAttachment" => await c.GetAttachmentAsync(1, ct),
            _ => throw new InvalidOperationException($"The recording names an operation this test does not know: {operation}"),
        };
    }

    private static int Count(XDocument document, string name) => document.Descendants().Count(e => e.Name.LocalName == name);

    private static int? StatedCount(XElement? element) =>
        element is not null && int.TryParse(element.Value.Trim(), out var n) ? n : null;

    private static void AssertCounts(string operation, XDocument document, object model)
    {
        switch (model)
        {
            case IReadOnlyList<ModernGovWard> wards:
                var xmlWards = document.Descendants().Where(e => e.Name.LocalName == "ward").ToList();
                var outsideWards = document.Descendants().Count(e => e.Name.LocalName is "councillor" or "member" && !e.Ancestors().Any(a => a.Name.LocalName == "ward"));
                Assert.Equal(xmlWards.Count + (outsideWards > 0 ? 1 : 0), wards.Count);
                Assert.Equal(Count(document, "councillor") + Count(document, "member"), wards.Sum(w => w.Councillors.Count));
                for (var i = 0; i < xmlWards.Count; i++)
                {
                    var councillors = xmlWards[i].Descendants().Count(e => e.Name.LocalName is "councillor" or "member");
                    Assert.Equal(councillors, wards[i].Councillors.Count);
                    var stated = StatedCount(xmlWards[i].Descendants().FirstOrDefault(e => e.Name.LocalName == "councillorcount"));
                    Assert.Equal(stated, wards[i].CouncillorCount);
                    Assert.Equal(xmlWards[i].Elements().FirstOrDefault(e => e.Name.LocalName == "wardtitle")?.Value.Trim() is { Length: > 0 }, wards[i].Title is not null);
                }

                var xmlCouncillors = document.Descendants().Where(e => e.Name.LocalName == "councillor").ToList();
                var parsed = wards.SelectMany(w => w.Councillors).ToList();
                for (var i = 0; i < xmlCouncillors.Count; i++)
                {
                    Assert.Equal(xmlCouncillors[i].Descendants().Count(e => e.Name.LocalName == "termofoffice"), parsed[i].TermsOfOffice.Count);
                    var id = xmlCouncillors[i].Element("councillorid")?.Value.Trim();
                    Assert.Equal(string.IsNullOrEmpty(id) ? null : long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), parsed[i].Id);
                }

                break;
            case IReadOnlyList<ModernGovCommittee> committees:
                Assert.Equal(Count(document, "committee"), committees.Count);
                Assert.All(committees, c => Assert.NotNull(c.Id));
                break;
            case IReadOnlyList<ModernGovMeetingSummary> meetings:
                Assert.Equal(Count(document, "meeting"), meetings.Count);
                Assert.Equal(StatedCount(document.Root!.Element("meetingscount")) ?? meetings.Count, meetings.Count);
                Assert.All(meetings, m => Assert.NotNull(m.Date));
                break;
            case ModernGovMeeting meeting:
                Assert.Equal(Count(document, "agendaitem"), meeting.AgendaItems.Count);
                Assert.Equal(Count(document, "attendee"), meeting.Attendees.Count);
                Assert.Equal(Count(document, "linkeddoc"), meeting.AgendaItems.Sum(i => i.LinkedDocuments.Count));
                Assert.Equal(document.Descendants("attendee").Count(a => a.Attribute("name") is not null), meeting.Attendees.Count(a => a.Name is not null));
                Assert.NotNull(meeting.Date);
                break;
            case ModernGovElectionResult election:
                Assert.Equal(Count(document, "candidate"), election.Candidates.Count);
                Assert.Equal(Count(document, "electionarea"), election.Areas.Count);
                Assert.Equal(Count(document, "spoiledvote"), election.Areas.Sum(a => a.SpoiledVotes.Count));
                Assert.Equal(StatedCount(document.Root!.Element("candidatecount")), election.CandidateCount);
                Assert.Equal(document.Descendants("iselected").Count(e => e.Value.Trim() == "True"), election.Candidates.Count(c => c.IsElected == true));
                break;
            case IReadOnlyList<ModernGovCouncillor> members:
                Assert.Equal(Count(document, "member") + Count(document, "councillor"), members.Count);
                break;
            case System.Collections.ICollection records:
                // Shapes no recording had confirmed: as many records as the document has record-like elements under its lists.
                Assert.True(records.Count > 0 || !document.Root!.Descendants().Any(e => e.Elements().Any(c => !c.HasElements && c.Value.Trim().Length > 0) && e.Parent != null && e.Parent != document.Root.Parent && e != document.Root && !e.Name.LocalName.EndsWith("count", StringComparison.Ordinal)),
                    $"{operation}: no records read from a document that has some");
                break;
            default:
                Assert.NotNull(model);
                break;
        }
    }

    private static void AssertNoEscapingArtefacts(object model)
    {
        foreach (var (path, value, isHtml) in ModelWalker.Strings(model))
        {
            if (isHtml)
            {
                continue;
            }

            foreach (var artefact in EscapingArtefacts)
            {
                Assert.False(value.Contains(artefact, StringComparison.OrdinalIgnoreCase), $"{path} still holds '{artefact}': {value}");
            }
        }
    }

    /// <summary>Every non-empty text leaf and attribute of the document is somewhere in the model, unless it is a typed value (number, date, time, boolean).</summary>
    private static void AssertNoTextLost(XDocument document, object model)
    {
        var held = ModelWalker.Strings(model).Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var leaves = document.Root!.Descendants().Where(e => !e.HasElements).Select(e => e.Value)
            .Concat(document.Root.Descendants().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).Select(a => a.Value));
        foreach (var raw in leaves)
        {
            var text = ModernGovText.Clean(raw);
            if (text is null || IsTypedValue(text))
            {
                continue;
            }

            Assert.True(held.Contains(text) || ModernGovText.CleanHtml(raw) is { } html && held.Contains(html), $"The text '{Shorten(text)}' was lost");
        }
    }

    private static bool IsTypedValue(string text) =>
        ModernGovText.ParseLong(text) is not null || ModernGovText.ParseBool(text) is not null || ModernGovText.ParseDate(text) is not null
        || ModernGovText.ParseTime(text) is not null || ModernGovText.ParseDateTime(text) is not null;

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
