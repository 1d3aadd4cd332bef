using System.Xml.Linq;
using CsCheck;
using LocalGov.ModernGov.Tests.Support;

namespace LocalGov.ModernGov.Tests.Parsing;

/// <summary>The streaming reader against XDocument on generated bodies: any text, any length, across the reader's buffer boundaries.</summary>
public sealed class StreamingReaderPropertyTests
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char.AlphaNumeric, 0, 40],
        Gen.String[Gen.Char[' ', '~'], 0, 400],
        Gen.String[Gen.Char['\u00A0', '\u024F'], 1, 3000],
        Gen.Const("Labour & Co-operative"),
        Gen.Const("\"Tangmeer\", 45 <Craigmore> Road"));

    [Fact]
    public void Every_value_reads_back_as_xdocument_reads_it()
    {
        Gen.Select(Text.Array[0, 12], Text.Array[0, 40]).Sample((names, lines) =>
        {
            var councillors = names.Select((name, i) => new XElement("councillor",
                new XElement("councillorid", i + 1),
                new XElement("fullusername", name),
                new XElement("homeaddress", lines.Select((line, n) => new XElement("line" + (n + 1), line))),
                new XElement("surgerydetails", lines.Select((line, n) => new XElement("line" + (n + 1), line)))));
            var body = new XDocument(new XElement("councillorsbyward", new XElement("wards", new XElement("ward", new XElement("wardtitle", "W"), new XElement("councillors", councillors))))).ToString();
            var (client, _) = StubHandler.Client(body);

            var ward = Assert.Single(client.GetCouncillorsByWardAsync().GetAwaiter().GetResult());

            Assert.Equal(names.Select(ModernGovText.Clean), ward.Councillors.Select(c => c.FullName));
            var expectedLines = lines.Select(ModernGovText.Clean).OfType<string>().ToList();
            Assert.All(ward.Councillors, c => Assert.Equal(expectedLines, c.SurgeryDetails));
            Assert.All(ward.Councillors, c => Assert.Equal(expectedLines, (IEnumerable<string>?)c.HomeAddress?.Lines ?? []));
        }, iter: 200);
    }

    [Fact]
    public async Task A_value_longer_than_the_reading_buffer_is_read_whole()
    {
        var name = new string('x', 70_000) + "&amp;end";
        var (client, _) = StubHandler.Client($"<councillorsbyward><wards><ward><councillors><councillor><fullusername>{name}</fullusername></councillor></councillors></ward></wards></councillorsbyward>");

        var ward = Assert.Single(await client.GetCouncillorsByWardAsync(TestContext.Current.CancellationToken));

        Assert.Equal(new string('x', 70_000) + "&end", Assert.Single(ward.Councillors).FullName);
    }

    [Fact]
    public async Task Cdata_and_text_mixed_in_one_value_are_joined()
    {
        var (client, _) = StubHandler.Client("<committees><committee><committeeid>1</committeeid><committeetitle>Audit <![CDATA[& Risk]]> Committee</committeetitle></committee></committees>");

        var committee = Assert.Single(await client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Audit & Risk Committee", committee.Title);
    }

    [Fact]
    public async Task Repeated_values_share_one_string()
    {
        var (client, _) = StubHandler.Client("<committees><committee><committeecategory>Governance</committeecategory></committee><committee><committeecategory>Governance</committeecategory></committee></committees>");

        var committees = await client.GetCommitteesAsync(TestContext.Current.CancellationToken);

        Assert.Same(committees[0].Category, committees[1].Category);
    }
}
