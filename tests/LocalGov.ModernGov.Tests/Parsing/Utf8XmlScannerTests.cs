using System.Text;
using System.Xml;
using CsCheck;

namespace LocalGov.ModernGov.Tests.Parsing;

/// <summary>The production tokenizer against <see cref="XmlReader"/> (with the same safe settings) on generated documents, and on broken ones.</summary>
public sealed class Utf8XmlScannerTests
{
    private static readonly string[] ElementNames = ["a", "ward", "councillor", "x:item", "line1", "_n.m-2", "é"];
    private static readonly string[] AttributeNames = ["id", "x:key", "name"];
    private static readonly string[] TextPieces = ["Labour", " ", "\t", "\n", "\r\n", "\r", "é", "😀", "&", "<", ">", "\"", "'", "]]", "A", "Co-op", "  x  "];

    [Fact]
    public void Every_generated_document_gives_the_same_events_as_xml_reader()
    {
        Gen.Int.Sample(seed =>
        {
            var bytes = Encoding.UTF8.GetBytes(Document(new Random(seed), out var bom));
            if (bom)
            {
                bytes = [0xEF, 0xBB, 0xBF, .. bytes];
            }

            Assert.Equal(ReaderEvents(bytes), ScannerEvents(bytes));
        }, iter: 500);
    }

    [Fact]
    public void Reading_plain_leaves_whole_gives_the_same_events_as_reading_node_by_node()
    {
        Gen.Int.Sample(seed =>
        {
            var bytes = Encoding.UTF8.GetBytes(Document(new Random(seed), out _));

            Assert.Equal(ScannerEvents(bytes), ScannerEvents(bytes, leaves: true));
        }, iter: 1000);
    }

    [Theory]
    [InlineData("<a><b>Labour</b></a>", "Labour")]
    [InlineData("<a><b>\r\n    </b></a>", "\r\n    ")]
    [InlineData("<a><b> x </b  ></a>", " x ")]
    [InlineData("<a><b></b></a>", "")]
    public void A_plain_leaf_is_read_whole_onto_its_end_element(string xml, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        var scanner = Utf8XmlScanner.Create(bytes, bytes.Length);
        scanner.Read();
        scanner.Read();

        Assert.True(scanner.TryReadLeaf(out var leaf));
        Assert.Equal(text, Encoding.UTF8.GetString(leaf));
        Assert.Equal((XmlNodeType.EndElement, "b", 1), (scanner.NodeType, scanner.LocalName, scanner.Depth));
        Assert.True(scanner.Read());
        Assert.Equal((XmlNodeType.EndElement, "a", 0), (scanner.NodeType, scanner.LocalName, scanner.Depth));
    }

    [Theory]
    [InlineData("<a><b>Fish &amp; chips</b></a>")]
    [InlineData("<a><b>one\r\ntwo</b></a>")]
    [InlineData("<a><b>x<![CDATA[y]]></b></a>")]
    [InlineData("<a><b>x<c/></b></a>")]
    [InlineData("<a><b>x</bc></a>")]
    [InlineData("<a><b>x</c></a>")]
    [InlineData("<a><b/></a>")]
    public void Anything_but_a_plain_leaf_is_left_to_read_node_by_node(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        var scanner = Utf8XmlScanner.Create(bytes, bytes.Length);
        scanner.Read();
        scanner.Read();

        Assert.False(scanner.TryReadLeaf(out _));
        Assert.Equal((XmlNodeType.Element, "b", 1), (scanner.NodeType, scanner.LocalName, scanner.Depth));
    }

    [Fact]
    public void Every_truncated_document_is_malformed_xml()
    {
        Gen.Select(Gen.Int, Gen.Double[0, 1]).Sample((seed, fraction) =>
        {
            // Only the root element may end the document, so that every shorter prefix leaves it open.
            var document = Document(new Random(seed), out _).Replace("<!-- after -->", "", StringComparison.Ordinal).TrimEnd();
            var bytes = Encoding.UTF8.GetBytes(document);
            var cut = (int)(fraction * (bytes.Length - 1));

            Assert.Throws<XmlException>(() => ScannerEvents(bytes[..cut]));
        }, iter: 500);
    }

    [Fact]
    public void A_damaged_document_is_read_or_refused_as_malformed_xml_never_another_error()
    {
        byte[] damage = [(byte)'<', (byte)'>', (byte)'&', (byte)'/', (byte)'"', (byte)']', (byte)'!', (byte)'?', (byte)'-', (byte)';', (byte)'#', 0xC3, 0x80];
        Gen.Select(Gen.Int, Gen.Double[0, 1], Gen.Int[0, damage.Length]).Sample((seed, fraction, pick) =>
        {
            var bytes = Encoding.UTF8.GetBytes(Document(new Random(seed), out _)).ToList();
            var at = (int)(fraction * (bytes.Count - 1));
            if (pick == damage.Length)
            {
                bytes.RemoveAt(at);
            }
            else
            {
                bytes[at] = damage[pick];
            }

            try
            {
                ScannerEvents([.. bytes]);
            }
            catch (XmlException ex)
            {
                Assert.True(ex.LineNumber >= 1);
            }
        }, iter: 2000);
    }

    [Theory]
    [InlineData("<!DOCTYPE a [ <!ENTITY x \"y\"> ]><a>&x;</a>", "DTD")]
    [InlineData("<a>&x;</a>", "undeclared entity")]
    [InlineData("<a>&amp</a>", "';'")]
    [InlineData("<a>&#xD800;</a>", "not a character")]
    [InlineData("<a>&#xZZ;</a>", "Invalid character reference")]
    [InlineData("<a><b></a></b>", "does not match")]
    [InlineData("<a></a><b/>", "multiple root elements")]
    [InlineData("<a></a>text", "after the root element")]
    [InlineData("text<a></a>", "root level")]
    [InlineData("<a>x", "not closed")]
    [InlineData("<a><", "'<'")]
    [InlineData("<a><1/></a>", "cannot begin")]
    [InlineData("<a b=\"1\" b=\"2\"/>", "twice")]
    [InlineData("<a b=\"<\"/>", "'<'")]
    [InlineData("<a b=1/>", "quoted")]
    [InlineData("<a><!-- x -- y --></a>", "'--'")]
    [InlineData("<a>]]></a>", "']]>'")]
    [InlineData("<a><?xml version=\"1.0\"?></a>", "XML declaration")]
    [InlineData("", "Root element is missing")]
    [InlineData("</a>", "Unexpected end tag")]
    [InlineData("<a><![CDATA[x</a>", "CDATA")]
    public void Malformed_input_is_an_xml_exception_that_says_what_and_where(string xml, string expected)
    {
        var error = Assert.Throws<XmlException>(() => ScannerEvents(Encoding.UTF8.GetBytes(xml)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.True(error.LineNumber >= 1 && error.LinePosition >= 1);
    }

    [Fact]
    public void An_error_gives_its_line_and_column()
    {
        var error = Assert.Throws<XmlException>(() => ScannerEvents("<a>\n  <b>\n  </c>\n</a>"u8.ToArray()));

        Assert.Equal(3, error.LineNumber);
        Assert.Equal(3, error.LinePosition);
    }

    [Fact]
    public void A_declared_single_byte_encoding_is_decoded_as_declared()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>Caf\u00e9 \u00a3</a>");

        Assert.Equal(["<a 0", "Café £", "</a 0"], ScannerEvents(bytes));
    }

    [Fact]
    public void An_encoding_the_runtime_does_not_know_is_malformed_xml_not_mis_decoded()
    {
        var error = Assert.Throws<XmlException>(() => ScannerEvents("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><a/>"u8.ToArray()));

        Assert.Contains("x-no-such-charset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_declaration_on_single_byte_text_is_malformed_xml()
    {
        var error = Assert.Throws<XmlException>(() => ScannerEvents("<?xml version=\"1.0\" encoding=\"utf-16\"?><a/>"u8.ToArray()));

        Assert.Contains("utf-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_a_limit_error_not_a_stack_overflow()
    {
        var depth = ModernGovCouncilOptions.DefaultMaxXmlDepth + 1;
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)));
        var justDeepEnough = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<a>", depth - 1)) + string.Concat(Enumerable.Repeat("</a>", depth - 1)));

        var error = Assert.Throws<XmlLimitException>(() => ScannerEvents(bytes));
        Assert.Equal("levels of element nesting", error.Limit);
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
        Assert.Equal(2 * (depth - 1), ScannerEvents(justDeepEnough).Count);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><a>Ω</a>")).ToArray();

        Assert.Equal(["<a 0", "Ω", "</a 0"], ScannerEvents(bytes));
    }

    [Fact]
    public void Attributes_are_read_with_references_resolved_and_literal_line_breaks_as_spaces()
    {
        var bytes = "<a xmlns='urn:a' xmlns:p=\"urn:p\" p:id='1&amp;2' name=\"x\r\ny&#10;z\"/>"u8.ToArray();
        var scanner = Utf8XmlScanner.Create(bytes, bytes.Length);
        scanner.Read();

        Assert.Equal(4, scanner.AttributeCount);
        Assert.True(scanner.IsNamespaceDeclaration(0));
        Assert.True(scanner.IsNamespaceDeclaration(1));
        Assert.Equal("id", scanner.AttributeLocalName(2));
        Assert.Equal("1&2", scanner.AttributeValue(2));
        Assert.Equal("x y\nz", scanner.AttributeValue(3));
        Assert.True(scanner.IsEmptyElement);
        Assert.False(scanner.Read());
    }

    [Fact]
    public async Task A_dtd_through_the_client_is_refused_as_malformed_xml()
    {
        var (client, _) = Support.StubHandler.Client("<?xml version=\"1.0\"?><!DOCTYPE committees SYSTEM \"http://example.invalid/x.dtd\"><committees/>");

        var error = await Assert.ThrowsAsync<ModernGovMalformedXmlException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A random small well-formed document: every kind of markup the scanner handles, text that needs escaping, both quote styles.</summary>
    private static string Document(Random random, out bool bom)
    {
        bom = random.Next(4) == 0;
        var xml = new StringBuilder();
        if (random.Next(2) == 0)
        {
            xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            xml.Append(random.Next(2) == 0 ? "\r\n" : "\n");
        }

        if (random.Next(3) == 0)
        {
            xml.Append("<!-- before --><?pi some data?>\n");
        }

        Element(random, xml, 0, root: true);
        if (random.Next(3) == 0)
        {
            xml.Append("\n<!-- after -->\n");
        }

        return xml.ToString();
    }

    private static void Element(Random random, StringBuilder xml, int depth, bool root = false)
    {
        var name = ElementNames[random.Next(ElementNames.Length)];
        xml.Append('<').Append(name);
        if (root)
        {
            xml.Append(" xmlns:x=\"urn:x\"");
        }

        foreach (var attribute in AttributeNames.Where(_ => random.Next(3) == 0))
        {
            var quote = random.Next(2) == 0 ? '"' : '\'';
            xml.Append(random.Next(3) == 0 ? "\n  " : " ").Append(attribute).Append('=').Append(quote)
                .Append(Escape(Text(random)).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&apos;", StringComparison.Ordinal)).Append(quote);
        }

        if (random.Next(5) == 0)
        {
            xml.Append(random.Next(2) == 0 ? "/>" : " />");
            return;
        }

        xml.Append('>');
        var children = depth >= 4 ? random.Next(2) : random.Next(5);
        for (var i = 0; i < children; i++)
        {
            switch (random.Next(7))
            {
                case 0 or 1:
                    Element(random, xml, depth + 1);
                    break;
                case 2:
                    xml.Append("<![CDATA[").Append(Text(random).Replace("]]>", "]] >", StringComparison.Ordinal)).Append("]]>");
                    break;
                case 3:
                    xml.Append(random.Next(2) == 0 ? "<!-- note - x -->" : "<?target data?>");
                    break;
                case 4:
                    xml.Append(random.Next(2) == 0 ? "&#65;&#x1F600;" : "&#233;");
                    break;
                default:
                    xml.Append(Escape(Text(random)));
                    break;
            }
        }

        xml.Append("</").Append(name).Append(random.Next(4) == 0 ? " >" : ">");
    }

    private static string Text(Random random) => string.Concat(Enumerable.Range(0, random.Next(6)).Select(_ => TextPieces[random.Next(TextPieces.Length)]));

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The scanner's events; with <paramref name="leaves"/>, every element it can read whole as a leaf is read so.</summary>
    private static List<string> ScannerEvents(byte[] bytes, bool leaves = false)
    {
        var scanner = Utf8XmlScanner.Create(bytes, bytes.Length);
        var events = new List<string>();
        var text = new StringBuilder();
        while (scanner.Read())
        {
            if (scanner.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                text.Append(scanner.TextSpan);
                continue;
            }

            Flush(events, text);
            events.Add(scanner.NodeType == XmlNodeType.Element
                ? $"<{scanner.LocalName} {scanner.Depth}{(scanner.IsEmptyElement ? "/" : "")}"
                : $"</{scanner.LocalName} {scanner.Depth}");
            if (leaves && scanner.TryReadLeaf(out var leaf))
            {
                // Read node by node, whitespace-only text is skipped; anything else is the same characters.
                var value = Encoding.UTF8.GetString(leaf);
                text.Append(value.AsSpan().Trim(" \t\r\n").IsEmpty ? "" : value);
                Flush(events, text);
                events.Add($"</{scanner.LocalName} {scanner.Depth}");
            }
        }

        Flush(events, text);
        return events;
    }

    private static List<string> ReaderEvents(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), ModernGovResponseReader.CreateSettings(bytes.Length));
        var events = new List<string>();
        var text = new StringBuilder();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    text.Append(reader.Value);
                    break;
                case XmlNodeType.Element:
                    Flush(events, text);
                    events.Add($"<{reader.LocalName} {reader.Depth}{(reader.IsEmptyElement ? "/" : "")}");
                    break;
                case XmlNodeType.EndElement:
                    Flush(events, text);
                    events.Add($"</{reader.LocalName} {reader.Depth}");
                    break;
            }
        }

        Flush(events, text);
        return events;
    }

    private static void Flush(List<string> events, StringBuilder text)
    {
        if (text.Length > 0)
        {
            events.Add(text.ToString());
            text.Clear();
        }
    }
}
