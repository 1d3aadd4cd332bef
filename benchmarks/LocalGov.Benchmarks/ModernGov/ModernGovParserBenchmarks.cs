using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using LocalGov.ModernGov;

namespace LocalGov.Benchmarks.ModernGov;

/// <summary>
/// The production parser (forward-only UTF-8 scanner, allocation-free typed values) against a straightforward
/// <see cref="XDocument"/> mapping of the same fields to the same models, on the largest real GetCouncillorsByWard body.
/// </summary>
public class ModernGovParserBenchmarks
{
    private byte[] _body = [];

    public string File { get; private set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = SharedDataLocator.Combine("data/moderngov");
        var largest = Directory.EnumerateFiles(folder, "GetCouncillorsByWard*.xml", SearchOption.AllDirectories)
            .Select(path => new FileInfo(path))
            .OrderByDescending(file => file.Length)
            .First();
        File = Path.GetRelativePath(folder, largest.FullName);
        _body = System.IO.File.ReadAllBytes(largest.FullName);

        // Both sides must map the same content, or the comparison means nothing.
        var baseline = XDocumentMapping();
        var streamed = StreamingParser();
        if (baseline.Count != streamed.Count
            || !baseline.SelectMany(w => w.Councillors).Select(c => (c.Id, c.FullName, c.Email, c.TermsOfOffice.Count, c.SurgeryDetails.Count))
                .SequenceEqual(streamed.SelectMany(w => w.Councillors).Select(c => (c.Id, c.FullName, c.Email, c.TermsOfOffice.Count, c.SurgeryDetails.Count))))
        {
            throw new InvalidOperationException($"The XDocument mapping and the streaming parser disagree on {File}.");
        }
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<ModernGovWard> XDocumentMapping()
    {
        // The same reader, with the same safe settings, as production: only the mapping differs.
        using var reader = ModernGovResponseReader.CreateXmlReader(new MemoryStream(_body), _body.Length);
        var document = XDocument.Load(reader);
        return [.. document.Descendants("ward").Select(MapWard)];
    }

    [Benchmark]
    public IReadOnlyList<ModernGovWard> StreamingParser()
    {
        var cursor = new XmlCursor(Utf8XmlScanner.Create(_body, _body.Length));
        cursor.MoveToRoot();
        return CouncillorParser.ParseWards(cursor);
    }

    private static ModernGovWard MapWard(XElement ward)
    {
        var councillors = ward.Element("councillors");
        return new ModernGovWard
        {
            Title = ModernGovText.Clean((string?)ward.Element("wardtitle")),
            CouncillorCount = ModernGovText.ParseInt((string?)councillors?.Element("councillorcount") ?? ""),
            Councillors = councillors is null ? [] : [.. councillors.Elements("councillor").Select(MapCouncillor)],
            AdditionalFields = Rest(ward, "wardtitle", "councillors"),
        };
    }

    private static ModernGovCouncillor MapCouncillor(XElement c) => new()
    {
        Id = ModernGovText.ParseLong((string?)c.Element("councillorid") ?? ""),
        FullName = Text(c, "fullusername"),
        PhotoSmallUrl = ModernGovText.ParseUri(Text(c, "photosmallurl")),
        PhotoBigUrl = ModernGovText.ParseUri(Text(c, "photobigurl")),
        Party = Text(c, "politicalpartytitle"),
        PoliticalGroup = Text(c, "politicalgrouptitle"),
        DistrictTitle = Text(c, "districttitle"),
        Representing = Text(c, "representing"),
        KeyPosts = Text(c, "keyposts"),
        WorkAddress = MapAddress(c.Element("workaddress")),
        HomeAddress = MapAddress(c.Element("homeaddress")),
        SurgeryDetails = [.. (c.Element("surgerydetails")?.Elements() ?? []).Select(l => ModernGovText.Clean(l.Value)).OfType<string>()],
        TermsOfOffice = [.. (c.Element("termsofoffice")?.Elements("termofoffice") ?? []).Select(t => new ModernGovTermOfOffice
        {
            StartDate = ModernGovText.ParseDate((string?)t.Element("startdate") ?? ""),
            EndDate = ModernGovText.ParseDate((string?)t.Element("enddate") ?? ""),
        })],
        AdditionalFields = Rest(c, "councillorid", "fullusername", "photosmallurl", "photobigurl", "politicalpartytitle", "politicalgrouptitle", "districttitle", "representing", "keyposts", "workaddress", "homeaddress", "surgerydetails", "termsofoffice"),
    };

    private static ModernGovAddress? MapAddress(XElement? address)
    {
        if (address is null || !address.HasElements)
        {
            return null;
        }

        return new ModernGovAddress
        {
            Lines = [.. address.Elements().Where(e => e.Name.LocalName.StartsWith("line", StringComparison.Ordinal)).Select(e => ModernGovText.Clean(e.Value)).OfType<string>()],
            Postcode = Text(address, "postcode"),
            Phone = Text(address, "phone"),
            Mobile = Text(address, "mobile"),
            Email = Text(address, "email"),
        };
    }

    private static string? Text(XElement parent, string name) => ModernGovText.Clean((string?)parent.Element(name));

    private static IReadOnlyDictionary<string, string> Rest(XElement parent, params string[] known)
    {
        var rest = parent.Elements().Where(e => Array.IndexOf(known, e.Name.LocalName) < 0 && ModernGovText.Clean(e.Value) is not null).ToList();
        return rest.Count == 0
            ? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty
            : rest.GroupBy(e => e.Name.LocalName).ToDictionary(g => g.Key, g => ModernGovText.Clean(g.First().Value)!);
    }
}
