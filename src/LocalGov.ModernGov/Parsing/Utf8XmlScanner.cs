using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using System.Xml;

namespace LocalGov.ModernGov;

/// <summary>
/// A forward-only XML tokenizer over a buffered UTF-8 body, with the subset of <see cref="XmlReader"/>'s surface that
/// <see cref="XmlCursor"/> needs. It reports elements, end elements and text (whitespace-only text, comments and
/// processing instructions are skipped, as the production reader settings did), decodes the predefined entities and
/// character references, and refuses any DOCTYPE outright: with no DTD there is nothing to expand and nothing external
/// to fetch. Every well-formedness error it detects is an <see cref="XmlException"/> with a line and position.
/// </summary>
internal sealed class Utf8XmlScanner
{
    private const int NameSlots = 256;
    private const int NameProbes = 8;

    // How many nodes are read between checks of the cancellation token (a cheap mask test on the hot path).
    private const int CancellationCheckMask = 0x3FF;

    private static readonly System.Buffers.SearchValues<byte> XmlWhitespace = System.Buffers.SearchValues.Create(" \t\r\n"u8);

    /// <summary>Bytes a name may hold after its first: ASCII letters, digits, '_', ':', '-', '.', and every byte of a multi-byte character.</summary>
    private static readonly System.Buffers.SearchValues<byte> NameBytes = System.Buffers.SearchValues.Create(
        [.. "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:-."u8, .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private static readonly System.Buffers.SearchValues<byte> TextSpecials = System.Buffers.SearchValues.Create("<&\r]"u8);

    private readonly byte[] _data;
    private readonly int _start;
    private readonly int _end;
    private readonly (byte[] Bytes, string Name)[] _names = new (byte[], string)[NameSlots];

    // For each cached name (and, at the last index, the start of the body), the cache slot of the name that followed it last time.
    private readonly int[] _successor = CreateSuccessors();
    private int _lastName = NameSlots;
    private int _pos;
    private char[] _chars = new char[256];
    private int _charLength;
    private (int Start, int Length)[] _open = new (int, int)[16];
    private string[] _openNames = new string[16];
    private int _openCount;
    private (int Start, int Length, int ValueStart, int ValueLength)[] _attributes = new (int, int, int, int)[8];
    private bool _rootSeen;
    private bool _rootClosed;
    private int _reads;

    private Utf8XmlScanner(byte[] data, int start, int end, XmlLimits limits)
    {
        _data = data;
        _start = start;
        _end = end;
        _pos = start;
        Limits = limits;
    }

    /// <summary>
    /// The caps applied: nesting depth (the parsers recurse per level, so a body may not go deeper) and attributes per
    /// element (checking a new attribute's name against the earlier ones is linear, so without a cap one start tag with
    /// 500,000 attributes costs minutes); the cursor reads the field cap from here too.
    /// </summary>
    public XmlLimits Limits { get; }

    /// <summary>Checked every thousand or so nodes, so the caller's deadline covers parsing as well as reading the body.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>The current node: <see cref="XmlNodeType.None"/> before the first read and after the end, else an element, an end element, text or CDATA.</summary>
    public XmlNodeType NodeType { get; private set; }

    /// <summary>The current element's name without any namespace prefix.</summary>
    public string LocalName { get; private set; } = "";

    /// <summary>As <see cref="XmlReader.Depth"/>: the root element is at 0, its text and children at 1.</summary>
    public int Depth { get; private set; }

    /// <summary>True on an element written <c>&lt;name/&gt;</c> (no end element follows).</summary>
    public bool IsEmptyElement { get; private set; }

    /// <summary>How many attributes the current element has (0 on other nodes).</summary>
    public int AttributeCount { get; private set; }

    /// <summary>The current text or CDATA node's decoded text, valid until the next read.</summary>
    public ReadOnlySpan<char> TextSpan => _chars.AsSpan(0, _charLength);

    /// <summary>The current text or CDATA node's decoded text as a string (empty on other nodes).</summary>
    public string Value => NodeType is XmlNodeType.Text or XmlNodeType.CDATA ? new string(_chars, 0, _charLength) : "";

    /// <summary>
    /// A scanner over <paramref name="length"/> bytes of <paramref name="data"/> (not copied). A UTF-8 BOM is skipped; a
    /// UTF-16 BOM or another encoding named in the XML declaration is transcoded to UTF-8 first, so nothing is mis-decoded.
    /// <paramref name="ignoreDeclaredEncoding"/> is for XML that was already text (its declaration may say anything).
    /// </summary>
    public static Utf8XmlScanner Create(byte[] data, int length, bool ignoreDeclaredEncoding = false, XmlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var caps = limits ?? XmlLimits.Default;
        var span = data.AsSpan(0, length);
        if (span.StartsWith("\uFEFF"u8))
        {
            return new Utf8XmlScanner(data, 3, length, caps);
        }

        Encoding? other = null;
        var bom = 0;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (other, bom) = (Encoding.BigEndianUnicode, 2);
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (other, bom) = (Encoding.Unicode, 2);
        }
        else if (!ignoreDeclaredEncoding && DeclaredEncoding(span) is { } name && !IsUtf8(name))
        {
            if (name.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) || name.Equals("unicode", StringComparison.OrdinalIgnoreCase))
            {
                throw new XmlException($"The body declares '{name}' but is not UTF-16 (it has no byte order mark and its declaration is in single bytes).", null, 1, 1);
            }

            try
            {
                other = Encoding.GetEncoding(name);
            }
            catch (ArgumentException ex)
            {
                throw new XmlException($"System does not support '{name}' encoding.", ex, 1, 1);
            }
        }

        if (other is null)
        {
            return new Utf8XmlScanner(data, 0, length, caps);
        }

        var utf8 = Encoding.UTF8.GetBytes(other.GetString(span[bom..]));
        return new Utf8XmlScanner(utf8, 0, utf8.Length, caps);
    }

    /// <summary>Moves to the next element, end element or text node; false at the end of a complete document.</summary>
    public bool Read()
    {
        if ((++_reads & CancellationCheckMask) == 0)
        {
            CancellationToken.ThrowIfCancellationRequested();
        }

        while (true)
        {
            if (_pos >= _end)
            {
                if (_openCount > 0)
                {
                    throw Error($"Unexpected end of file: the element <{NameAt(_open[_openCount - 1])}> is not closed.", _pos);
                }

                if (!_rootSeen)
                {
                    throw Error("Root element is missing.", _pos);
                }

                NodeType = XmlNodeType.None;
                AttributeCount = 0;
                LocalName = "";
                Depth = 0;
                IsEmptyElement = false;
                return false;
            }

            if (_data[_pos] != (byte)'<')
            {
                // Indentation between tags is most of a body: step over it here, and leave real text to ReadText.
                var skipped = _data.AsSpan(_pos, _end - _pos).IndexOfAnyExcept(XmlWhitespace);
                if (skipped < 0 || _data[_pos + skipped] == (byte)'<')
                {
                    _pos = skipped < 0 ? _end : _pos + skipped;
                    continue;
                }

                ReadText(_pos + skipped);
                return true;
            }

            if (_pos + 1 >= _end)
            {
                throw Error("Unexpected end of file after '<'.", _pos);
            }

            switch (_data[_pos + 1])
            {
                case (byte)'/':
                    ReadEndTag();
                    return true;
                case (byte)'?':
                    SkipProcessingInstruction();
                    continue;
                case (byte)'!':
                    if (At("<!--"u8))
                    {
                        SkipComment();
                        continue;
                    }

                    if (At("<![CDATA["u8))
                    {
                        ReadCData();
                        return true;
                    }

                    if (At("<!DOCTYPE"u8))
                    {
                        throw Error("DTD is prohibited: the body carries a DOCTYPE declaration, which is refused (entities are never expanded or fetched).", _pos);
                    }

                    throw Error("Unexpected markup after '<!'.", _pos);
                default:
                    ReadStartTag();
                    return true;
            }
        }
    }

    /// <summary>
    /// On a start element that holds only plain character data (no reference, carriage return, CDATA, comment or child)
    /// and is closed by its own end tag, gives that data as UTF-8 and moves onto the end element, exactly where two
    /// <see cref="Read"/> calls would leave the scanner. Otherwise returns false and nothing moves, so the caller reads
    /// node by node. Most Modern.Gov values are such leaves: this skips decoding them into the text buffer and back.
    /// </summary>
    public bool TryReadLeaf(out ReadOnlySpan<byte> text)
    {
        text = default;
        if (NodeType != XmlNodeType.Element || IsEmptyElement)
        {
            return false;
        }

        var tail = _data.AsSpan(_pos, _end - _pos);
        var stop = IndexOfTextSpecial(tail);
        if (stop >= 0 && tail[stop] == (byte)'\r')
        {
            // Only whitespace (the line ends of an indented empty value) is still a leaf; its text is skipped anyway.
            stop = tail.IndexOfAnyExcept(XmlWhitespace);
        }

        if (stop < 0 || tail[stop] != (byte)'<' || stop + 1 >= tail.Length || tail[stop + 1] != (byte)'/')
        {
            return false;
        }

        var open = _open[_openCount - 1];
        var closing = tail[(stop + 2)..];
        if (closing.Length <= open.Length || !closing.StartsWith(_data.AsSpan(open.Start, open.Length)))
        {
            return false;
        }

        var gt = open.Length;
        while (gt < closing.Length && IsWhitespace(closing[gt]))
        {
            gt++;
        }

        if (gt >= closing.Length || closing[gt] != (byte)'>')
        {
            return false;
        }

        text = tail[..stop];
        _openCount--;
        _rootClosed = _openCount == 0;
        _pos += stop + 2 + gt + 1;
        NodeType = XmlNodeType.EndElement;
        AttributeCount = 0;
        Depth = _openCount;
        IsEmptyElement = false;
        LocalName = _openNames[_openCount];
        return true;
    }

    /// <summary>As <see cref="XmlReader.Skip"/>: on an element, moves past its end; otherwise reads on.</summary>
    public void Skip()
    {
        if (NodeType != XmlNodeType.Element || IsEmptyElement)
        {
            Read();
            return;
        }

        var depth = Depth;
        while (Read())
        {
            if (NodeType == XmlNodeType.EndElement && Depth == depth)
            {
                Read();
                return;
            }
        }
    }

    /// <summary>The name of the current element's attribute <paramref name="index"/>, without any prefix.</summary>
    public string AttributeLocalName(int index)
    {
        var name = Attribute(index);
        var bytes = _data.AsSpan(name.Start, name.Length);
        return Encoding.UTF8.GetString(bytes[(bytes.LastIndexOf((byte)':') + 1)..]);
    }

    /// <summary>Whether attribute <paramref name="index"/> declares a namespace (<c>xmlns</c> or <c>xmlns:x</c>).</summary>
    public bool IsNamespaceDeclaration(int index)
    {
        var name = Attribute(index);
        var bytes = _data.AsSpan(name.Start, name.Length);
        return bytes.SequenceEqual("xmlns"u8) || bytes.StartsWith("xmlns:"u8);
    }

    /// <summary>
    /// The value of attribute <paramref name="index"/>, normalised as an XML parser does for untyped attributes: line ends,
    /// tabs and newlines written literally become spaces; references are resolved.
    /// </summary>
    public string AttributeValue(int index)
    {
        var attribute = Attribute(index);
        var raw = _data.AsSpan(attribute.ValueStart, attribute.ValueLength);
        var text = new StringBuilder(raw.Length);
        Span<char> chars = stackalloc char[2];
        var i = 0;
        while (i < raw.Length)
        {
            var next = raw[i..].IndexOfAny("&\r\n\t"u8);
            if (next < 0)
            {
                text.Append(Encoding.UTF8.GetString(raw[i..]));
                break;
            }

            text.Append(Encoding.UTF8.GetString(raw.Slice(i, next)));
            i += next;
            switch (raw[i])
            {
                case (byte)'&':
                    var semicolon = raw[i..].IndexOf((byte)';');
                    if (semicolon < 0)
                    {
                        throw Error("An '&' does not start a reference ending in ';'.", attribute.ValueStart + i);
                    }

                    text.Append(chars[..Reference(raw.Slice(i + 1, semicolon - 1), attribute.ValueStart + i, chars)]);
                    i += semicolon + 1;
                    break;
                case (byte)'\r':
                    text.Append(' ');
                    i += i + 1 < raw.Length && raw[i + 1] == (byte)'\n' ? 2 : 1;
                    break;
                default:
                    text.Append(' ');
                    i++;
                    break;
            }
        }

        return text.ToString();
    }

    private (int Start, int Length, int ValueStart, int ValueLength) Attribute(int index) =>
        NodeType == XmlNodeType.Element && (uint)index < (uint)AttributeCount ? _attributes[index] : throw new ArgumentOutOfRangeException(nameof(index));

    private static bool IsUtf8(string name) =>
        name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    /// <summary>The encoding named in a leading XML declaration, if any.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> span)
    {
        if (!span.StartsWith("<?xml"u8))
        {
            return null;
        }

        var close = span.IndexOf("?>"u8);
        var declaration = close < 0 ? span : span[..close];
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + 8)..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] != (byte)'=')
        {
            return null;
        }

        rest = rest[1..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] is not ((byte)'"' or (byte)'\''))
        {
            return null;
        }

        var end = rest[1..].IndexOf(rest[0]);
        return end < 0 ? null : Encoding.ASCII.GetString(rest.Slice(1, end));
    }

    /// <summary>Bit n set for each XML whitespace byte n (tab, line feed, carriage return, space).</summary>
    private const ulong WhitespaceBits = (1ul << '\t') | (1ul << '\n') | (1ul << '\r') | (1ul << ' ');

    private static int[] CreateSuccessors()
    {
        var successors = new int[NameSlots + 1];
        Array.Fill(successors, -1);
        return successors;
    }

    private static bool IsWhitespace(byte b) => b <= (byte)' ' && ((1ul << b) & WhitespaceBits) != 0;

    private static bool IsNameStart(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'_' or (byte)':' or >= 0x80;

    private static bool IsNameChar(byte b) => (NameChars[b >> 6] & (1ul << b)) != 0;

    /// <summary>Name characters as a 256-bit set: ASCII letters, digits, '_', ':', '-', '.', and every byte of a multi-byte character.</summary>
    private static ReadOnlySpan<ulong> NameChars => [0x07FF_6000_0000_0000ul, 0x07FF_FFFE_87FF_FFFEul, ulong.MaxValue, ulong.MaxValue];

    /// <summary>
    /// The first '&lt;', '&amp;', carriage return or ']' in <paramref name="text"/>, or -1. Most values are shorter than
    /// 32 bytes, so one inline vector compare usually answers before the general search is called.
    /// </summary>
    private static int IndexOfTextSpecial(ReadOnlySpan<byte> text)
    {
        if (Vector256.IsHardwareAccelerated && text.Length >= Vector256<byte>.Count)
        {
            var block = Vector256.Create(text);
            var hits = Vector256.Equals(block, Vector256.Create((byte)'<')) | Vector256.Equals(block, Vector256.Create((byte)'&'))
                | Vector256.Equals(block, Vector256.Create((byte)'\r')) | Vector256.Equals(block, Vector256.Create((byte)']'));
            if (hits != Vector256<byte>.Zero)
            {
                return BitOperations.TrailingZeroCount(hits.ExtractMostSignificantBits());
            }

            var rest = text[Vector256<byte>.Count..].IndexOfAny(TextSpecials);
            return rest < 0 ? -1 : rest + Vector256<byte>.Count;
        }

        return text.IndexOfAny(TextSpecials);
    }

    private bool At(ReadOnlySpan<byte> markup) => _data.AsSpan(_pos, _end - _pos).StartsWith(markup);

    /// <summary>Reads a run of character data that starts at <c>_pos</c> and has its first non-whitespace byte at <paramref name="p"/>.</summary>
    private void ReadText(int p)
    {
        if (_openCount == 0)
        {
            throw Error(_rootSeen ? "Data at the root level after the root element." : "Data at the root level is invalid.", p);
        }

        // One search finds the end of the run and whether it needs more than a plain UTF-8 decode.
        var special = IndexOfTextSpecial(_data.AsSpan(p, _end - p));
        var length = special < 0 ? -1 : _data[p + special] == (byte)'<' ? special : _data.AsSpan(p, _end - p).IndexOf((byte)'<');
        if (length < 0)
        {
            throw Error($"Unexpected end of file: the element <{NameAt(_open[_openCount - 1])}> is not closed.", _end);
        }

        length += p - _pos;
        var run = _data.AsSpan(_pos, length);
        if (length == special + p - _pos && !_data.AsSpan(_pos, p - _pos).Contains((byte)'\r'))
        {
            if (_chars.Length < run.Length)
            {
                _chars = new char[Math.Max(run.Length, _chars.Length * 2)];
            }

            System.Text.Unicode.Utf8.ToUtf16(run, _chars, out _, out _charLength);
        }
        else
        {
            if (run.IndexOf("]]>"u8) is var cdataEnd and >= 0)
            {
                throw Error("The character sequence ']]>' is not allowed in content.", _pos + cdataEnd);
            }

            Decode(run, _pos, references: true);
        }

        _pos += length;
        NodeType = XmlNodeType.Text;
        AttributeCount = 0;
        Depth = _openCount;
        IsEmptyElement = false;
    }

    private void ReadCData()
    {
        if (_openCount == 0)
        {
            throw Error("CDATA is not allowed outside the root element.", _pos);
        }

        var from = _pos + 9;
        var close = _data.AsSpan(from, _end - from).IndexOf("]]>"u8);
        if (close < 0)
        {
            throw Error("Unexpected end of file inside CDATA.", _end);
        }

        Decode(_data.AsSpan(from, close), from, references: false);
        _pos = from + close + 3;
        NodeType = XmlNodeType.CDATA;
        AttributeCount = 0;
        Depth = _openCount;
        IsEmptyElement = false;
    }

    private void SkipComment()
    {
        var from = _pos + 4;
        var body = _data.AsSpan(from, _end - from);
        var dashes = body.IndexOf("--"u8);
        if (dashes < 0)
        {
            throw Error("Unexpected end of file inside a comment.", _end);
        }

        if (from + dashes + 2 >= _end || _data[from + dashes + 2] != (byte)'>')
        {
            throw Error("An XML comment cannot contain '--' or end with '-'.", from + dashes);
        }

        _pos = from + dashes + 3;
    }

    private void SkipProcessingInstruction()
    {
        var at = _pos;
        var p = _pos + 2;
        var (nameStart, nameLength) = ReadName(ref p);
        var close = _data.AsSpan(p, _end - p).IndexOf("?>"u8);
        if (close < 0)
        {
            throw Error("Unexpected end of file inside a processing instruction.", _end);
        }

        if (close > 0 && !IsWhitespace(_data[p]))
        {
            throw Error("Invalid character in a processing instruction's name.", p);
        }

        if (nameLength == 3 && Ascii.EqualsIgnoreCase(_data.AsSpan(nameStart, 3), "xml"u8) && at != _start)
        {
            throw Error("Unexpected XML declaration: it must be the first thing in the document.", at);
        }

        _pos = p + close + 2;
    }

    private void ReadStartTag()
    {
        if (_rootClosed)
        {
            throw Error("There are multiple root elements.", _pos);
        }

        var p = _pos + 1;
        var name = ReadElementName(ref p, out var localName);
        var attributeCount = 0;

        while (true)
        {
            // Modern.Gov elements carry no attributes (GetMeeting's attendees aside): '>' right after the name is the rule.
            if (p < _end && _data[p] == (byte)'>')
            {
                p++;
                IsEmptyElement = false;
                break;
            }

            var spaced = SkipWhitespace(ref p);
            if (p >= _end)
            {
                throw Error("Unexpected end of file inside a start tag.", _end);
            }

            var b = _data[p];
            if (b == (byte)'>')
            {
                p++;
                IsEmptyElement = false;
                break;
            }

            if (b == (byte)'/')
            {
                if (p + 1 >= _end || _data[p + 1] != (byte)'>')
                {
                    throw Error("Expected '>' after '/' in a start tag.", p);
                }

                p += 2;
                IsEmptyElement = true;
                break;
            }

            if (!spaced)
            {
                throw Error("Expected whitespace before an attribute.", p);
            }

            if (attributeCount == Limits.MaxAttributesPerElement)
            {
                var at = Error(string.Empty, p);
                throw new XmlLimitException("attributes per element", Limits.MaxAttributesPerElement, $"The element <{localName}> has more than {Limits.MaxAttributesPerElement} attributes.", at.LineNumber, at.LinePosition);
            }

            var attribute = ReadName(ref p);
            for (var i = 0; i < attributeCount; i++)
            {
                if (_data.AsSpan(_attributes[i].Start, _attributes[i].Length).SequenceEqual(_data.AsSpan(attribute.Start, attribute.Length)))
                {
                    throw Error($"The attribute '{NameAt(attribute)}' appears twice.", attribute.Start);
                }
            }

            if (attributeCount == _attributes.Length)
            {
                Array.Resize(ref _attributes, attributeCount * 2);
            }

            SkipWhitespace(ref p);
            if (p >= _end || _data[p] != (byte)'=')
            {
                throw Error("Expected '=' after an attribute name.", p);
            }

            p++;
            SkipWhitespace(ref p);
            if (p >= _end || _data[p] is not ((byte)'"' or (byte)'\''))
            {
                throw Error("Expected a quoted attribute value.", p);
            }

            var quote = _data[p++];
            var close = _data.AsSpan(p, _end - p).IndexOf(quote);
            if (close < 0)
            {
                throw Error("Unexpected end of file inside an attribute value.", _end);
            }

            var value = _data.AsSpan(p, close);
            if (value.IndexOf((byte)'<') is var lt and >= 0)
            {
                throw Error("'<' is not allowed in an attribute value.", p + lt);
            }

            if (value.Contains((byte)'&'))
            {
                // A bad reference makes the document malformed whether or not the value is ever read.
                Decode(value, p, references: true);
            }

            _attributes[attributeCount++] = (attribute.Start, attribute.Length, p, close);

            p += close + 1;
        }

        _rootSeen = true;
        AttributeCount = attributeCount;
        NodeType = XmlNodeType.Element;
        Depth = _openCount;
        LocalName = localName;
        _pos = p;
        if (IsEmptyElement)
        {
            _rootClosed = _openCount == 0;
            return;
        }

        if (_openCount == Limits.MaxDepth)
        {
            var at = Error(string.Empty, _pos);
            throw new XmlLimitException("levels of element nesting", Limits.MaxDepth, $"Elements are nested more than {Limits.MaxDepth} deep (at <{localName}>).", at.LineNumber, at.LinePosition);
        }

        if (_openCount == _open.Length)
        {
            Array.Resize(ref _open, _openCount * 2);
            Array.Resize(ref _openNames, _openCount * 2);
        }

        _openNames[_openCount] = localName;
        _open[_openCount++] = name;
    }

    private void ReadEndTag()
    {
        var at = _pos;
        var p = _pos + 2;
        if (_openCount == 0)
        {
            throw Error($"Unexpected end tag </{NameAt(ReadName(ref p))}>.", at);
        }

        // The end tag almost always matches: compare with the open element's bytes rather than read a name.
        var open = _open[_openCount - 1];
        if (_end - p > open.Length
            && _data.AsSpan(p, open.Length).SequenceEqual(_data.AsSpan(open.Start, open.Length))
            && !IsNameChar(_data[p + open.Length]))
        {
            p += open.Length;
        }
        else
        {
            var name = ReadName(ref p);
            throw Error($"The start tag <{NameAt(open)}> does not match the end tag </{NameAt(name)}>.", at);
        }

        SkipWhitespace(ref p);
        if (p >= _end || _data[p] != (byte)'>')
        {
            throw p >= _end ? Error("Unexpected end of file inside an end tag.", _end) : Error("Expected '>' to close an end tag.", p);
        }

        _openCount--;
        _rootClosed = _openCount == 0;
        _pos = p + 1;
        NodeType = XmlNodeType.EndElement;
        AttributeCount = 0;
        Depth = _openCount;
        IsEmptyElement = false;
        LocalName = _openNames[_openCount];
    }

    /// <summary>
    /// Reads an element's name and gives its local name. Names repeat thousands of times in a body, so a name seen
    /// before (and so already checked) is found by its bytes in a small cache; only a new name is checked character by
    /// character. Modern.Gov shapes are regular, so the name that followed the previous start tag last time is tried first
    /// (a guess, always checked against the bytes, so a stale one after an eviction only costs the lookup).
    /// </summary>
    private (int Start, int Length) ReadElementName(ref int p, out string localName)
    {
        var tail = _data.AsSpan(p, _end - p);
        var predicted = _successor[_lastName];
        if (predicted >= 0)
        {
            var expected = _names[predicted];
            if (tail.Length > expected.Bytes.Length && tail.StartsWith(expected.Bytes) && IsNameEnd(tail[expected.Bytes.Length]))
            {
                localName = expected.Name;
                _lastName = predicted;
                var start = p;
                p += expected.Bytes.Length;
                return (start, expected.Bytes.Length);
            }
        }

        var length = tail.IndexOfAnyExcept(NameBytes);
        if (length <= 0 || !IsNameEnd(tail[length]))
        {
            length = -1;
        }

        if (length > 0)
        {
            var bytes = tail[..length];
            var home = Slot(bytes);
            for (var probe = 0; probe < NameProbes; probe++)
            {
                var slot = (home + probe) & (NameSlots - 1);
                var cached = _names[slot];
                if (cached.Bytes is null)
                {
                    break;
                }

                if (bytes.SequenceEqual(cached.Bytes))
                {
                    localName = cached.Name;
                    Follow(slot);
                    var start = p;
                    p += length;
                    return (start, length);
                }
            }
        }

        var name = ReadName(ref p);
        var qualified = _data.AsSpan(name.Start, name.Length);
        var local = qualified[(qualified.LastIndexOf((byte)':') + 1)..];
        localName = Encoding.UTF8.GetString(local);
        var from = Slot(qualified);

        // A body has few distinct names: fill free slots near home so alternating names never evict each other.
        var into = from;
        for (var probe = 0; probe < NameProbes; probe++)
        {
            if (_names[(from + probe) & (NameSlots - 1)].Bytes is null)
            {
                into = (from + probe) & (NameSlots - 1);
                break;
            }
        }

        _names[into] = (qualified.ToArray(), localName);
        Follow(into);
        return name;
    }

    /// <summary>Records that the name in <paramref name="slot"/> followed the previous start tag's name.</summary>
    private void Follow(int slot)
    {
        _successor[_lastName] = slot;
        _lastName = slot;
    }

    private static bool IsNameEnd(byte b) => IsWhitespace(b) || b is (byte)'>' or (byte)'/';

    /// <summary>A cache slot from a name's length and its first and last four bytes (collisions only cost a re-check).</summary>
    private static int Slot(ReadOnlySpan<byte> name)
    {
        var hash = (uint)name.Length * 0x9E3779B1u;
        if (name.Length >= 4)
        {
            hash ^= System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(name) * 0x85EBCA77u;
            hash ^= System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(name[^4..]) * 0xC2B2AE3Du;
        }
        else
        {
            foreach (var b in name)
            {
                hash = (hash ^ b) * 16777619u;
            }
        }

        return (int)(hash ^ (hash >> 15) ^ (hash >> 23)) & (NameSlots - 1);
    }

    private (int Start, int Length) ReadName(ref int p)
    {
        if (p >= _end)
        {
            throw Error("Unexpected end of file where a name was expected.", _end);
        }

        if (!IsNameStart(_data[p]))
        {
            throw Error($"A name cannot begin with '{(char)_data[p]}'.", p);
        }

        var start = p++;
        while (p < _end && IsNameChar(_data[p]))
        {
            p++;
        }

        if (p < _end && !IsWhitespace(_data[p]) && _data[p] is not ((byte)'>' or (byte)'/' or (byte)'=' or (byte)'?'))
        {
            throw Error($"A name cannot contain '{(char)_data[p]}'.", p);
        }

        return (start, p - start);
    }

    private bool SkipWhitespace(ref int p)
    {
        var from = p;
        while (p < _end && IsWhitespace(_data[p]))
        {
            p++;
        }

        return p > from;
    }

    private string NameAt((int Start, int Length) name) => Encoding.UTF8.GetString(_data, name.Start, name.Length);

    /// <summary>Decodes UTF-8 into the text buffer: line ends normalised to '\n' and, in text, references resolved.</summary>
    private void Decode(ReadOnlySpan<byte> run, int offset, bool references)
    {
        // Every reference and line end is at least as long in bytes as what it becomes, so this is always enough.
        if (_chars.Length < run.Length)
        {
            _chars = new char[Math.Max(run.Length, _chars.Length * 2)];
        }

        if (references ? run.IndexOfAny((byte)'&', (byte)'\r') < 0 : !run.Contains((byte)'\r'))
        {
            System.Text.Unicode.Utf8.ToUtf16(run, _chars, out _, out _charLength);
            return;
        }

        var length = 0;
        var i = 0;
        while (i < run.Length)
        {
            var rest = run[i..];
            var next = references ? rest.IndexOfAny((byte)'&', (byte)'\r') : rest.IndexOf((byte)'\r');
            if (next < 0)
            {
                length += Encoding.UTF8.GetChars(rest, _chars.AsSpan(length));
                break;
            }

            length += Encoding.UTF8.GetChars(rest[..next], _chars.AsSpan(length));
            i += next;
            if (run[i] == (byte)'\r')
            {
                _chars[length++] = '\n';
                i += i + 1 < run.Length && run[i + 1] == (byte)'\n' ? 2 : 1;
                continue;
            }

            var semicolon = run[i..].IndexOf((byte)';');
            if (semicolon < 0)
            {
                throw Error("An '&' does not start a reference ending in ';'.", offset + i);
            }

            length += Reference(run.Slice(i + 1, semicolon - 1), offset + i, _chars.AsSpan(length));
            i += semicolon + 1;
        }

        _charLength = length;
    }

    /// <summary>Writes the character(s) a reference stands for: the five predefined entities or a character reference.</summary>
    private int Reference(ReadOnlySpan<byte> name, int at, Span<char> into)
    {
        switch (name)
        {
            case [(byte)'l', (byte)'t']:
                into[0] = '<';
                return 1;
            case [(byte)'g', (byte)'t']:
                into[0] = '>';
                return 1;
            case [(byte)'a', (byte)'m', (byte)'p']:
                into[0] = '&';
                return 1;
            case [(byte)'q', (byte)'u', (byte)'o', (byte)'t']:
                into[0] = '"';
                return 1;
            case [(byte)'a', (byte)'p', (byte)'o', (byte)'s']:
                into[0] = '\'';
                return 1;
            case [(byte)'#', ..]:
                break;
            default:
                throw Error($"Reference to undeclared entity '{Encoding.UTF8.GetString(name)}' (only the five predefined entities exist without a DTD).", at);
        }

        var hex = name.Length > 1 && name[1] == (byte)'x';
        var digits = name[(hex ? 2 : 1)..];
        if (digits.IsEmpty || digits.Length > 8)
        {
            throw Error("Invalid character reference.", at);
        }

        var value = 0;
        foreach (var d in digits)
        {
            var digit = d switch
            {
                >= (byte)'0' and <= (byte)'9' => d - '0',
                >= (byte)'a' and <= (byte)'f' when hex => d - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' when hex => d - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                throw Error("Invalid character reference.", at);
            }

            value = value * (hex ? 16 : 10) + digit;
        }

        if (value is 0 or > 0x10FFFF or >= 0xD800 and <= 0xDFFF)
        {
            throw Error($"Invalid character reference: {value:X} is not a character.", at);
        }

        return new Rune(value).EncodeToUtf16(into);
    }

    private XmlException Error(string message, int at)
    {
        at = Math.Clamp(at, _start, _end);
        var before = _data.AsSpan(_start, at - _start);
        var line = before.Count((byte)'\n') + 1;
        var column = at - _start - before.LastIndexOf((byte)'\n');
        return new XmlException(message, null, line, column);
    }
}
