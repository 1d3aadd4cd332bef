using System.Text;
using System.Xml;

namespace LocalGov.ModernGov;

/// <summary>
/// Forward-only helpers over a <see cref="Utf8XmlScanner"/> for the Modern.Gov shapes: walk an element's children,
/// read a leaf's text (allocation-free for typed values), keep unknown elements in a <see cref="FieldBag"/>.
/// </summary>
internal sealed class XmlCursor(Utf8XmlScanner reader)
{
    private const int MaxInternedLength = 2048;
    private const int InternSlots = 256;
    private const int UriSlots = 16;
    private const int MaxBufferLength = 64 * 1024;

    private char[] _buffer = new char[256];
    private static ReadOnlySpan<byte> XmlWhitespace => " \t\r\n"u8;

    private static ReadOnlySpan<byte> Unspecified => "unspecified"u8;

    private string?[]? _interned;
    private string?[]? _internedUtf8;
    private (string Text, Uri Uri)[]? _uris;

    public Utf8XmlScanner Reader { get; } = reader;

    /// <summary>Reused while gathering a short list that becomes an exact-size array (address lines, terms, councillors of a ward).</summary>
    public List<string> Lines { get; } = new(40);

    /// <inheritdoc cref="Lines"/>
    public List<ModernGovTermOfOffice> Terms { get; } = [];

    /// <inheritdoc cref="Lines"/>
    public List<ModernGovCouncillor> Councillors { get; } = [];

    public string Name => Reader.LocalName;

    /// <summary>An empty bag for one record's unknown fields, capped at the client's <see cref="XmlLimits.MaxFieldsPerRecord"/>.</summary>
    public FieldBag NewBag() => new(Reader.Limits.MaxFieldsPerRecord);

    /// <summary>Moves to the document's root element and returns its name.</summary>
    public string MoveToRoot()
    {
        while (Reader.Read())
        {
            if (Reader.NodeType == XmlNodeType.Element)
            {
                return Reader.LocalName;
            }
        }

        throw new XmlException("The body holds no XML element.");
    }

    /// <summary>
    /// Enters the element the reader is on. Returns the depth to pass to <see cref="NextChild"/>, or -1 when the
    /// element is empty (the reader has then moved past it).
    /// </summary>
    public int Enter()
    {
        var depth = Reader.Depth;
        if (Reader.IsEmptyElement)
        {
            Reader.Read();
            return -1;
        }

        Reader.Read();
        return depth;
    }

    /// <summary>Moves to the next child element of the element entered at <paramref name="depth"/>; false (past its end) when there is none.</summary>
    public bool NextChild(int depth)
    {
        if (depth < 0)
        {
            return false;
        }

        while (true)
        {
            switch (Reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (Reader.Depth == depth + 1)
                    {
                        return true;
                    }

                    Reader.Skip();
                    break;
                case XmlNodeType.EndElement when Reader.Depth == depth:
                    Reader.Read();
                    return false;
                case XmlNodeType.None:
                    throw new XmlException("The body ended inside an element.");
                default:
                    if (!Reader.Read())
                    {
                        throw new XmlException("The body ended inside an element.");
                    }

                    break;
            }
        }
    }

    /// <summary>Reads the text of the element the reader is on (child elements' text included) and moves past it.</summary>
    public string? ReadRawText()
    {
        if (Reader.IsEmptyElement)
        {
            Reader.Read();
            return null;
        }

        var depth = Reader.Depth;
        Reader.Read();
        string? single = null;
        System.Text.StringBuilder? many = null;
        while (!(Reader.NodeType == XmlNodeType.EndElement && Reader.Depth == depth))
        {
            switch (Reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (single is null)
                    {
                        single = Reader.Value;
                    }
                    else
                    {
                        (many ??= new System.Text.StringBuilder(single)).Append(Reader.Value);
                    }

                    break;
                case XmlNodeType.None:
                    throw new XmlException("The body ended inside an element.");
            }

            if (!Reader.Read())
            {
                throw new XmlException("The body ended inside an element.");
            }
        }

        Reader.Read();
        return many?.ToString() ?? single;
    }

    /// <summary>
    /// Reads a text value with the Modern.Gov conventions applied (<see cref="ModernGovText.Clean"/>). Values are read into
    /// a reused buffer and repeated ones (parties, placeholder images, shared addresses) share one string.
    /// </summary>
    public string? ReadText()
    {
        if (Reader.TryReadLeaf(out var utf8))
        {
            Reader.Read();
            var trimmed = utf8.Trim(XmlWhitespace);
            if (trimmed.IsEmpty)
            {
                return null;
            }

            // Characters outside ASCII at either end may be Unicode spaces that trimming must also remove.
            if (trimmed[0] < 0x80 && trimmed[^1] < 0x80)
            {
                return trimmed.Length == Unspecified.Length && Ascii.EqualsIgnoreCase(trimmed, Unspecified) ? null : Intern(trimmed);
            }

            return TextOf(Decode(trimmed));
        }

        return TextOf(ReadSpan());
    }

    /// <summary>Reads an HTML value, kept as HTML.</summary>
    public ModernGovHtml? ReadHtml() => ModernGovText.CleanHtml(ReadRawText()) is { } html ? new ModernGovHtml(html) : null;

    /// <summary>
    /// Reads a leaf value into a reused buffer, without allocating a string. Falls back to a string for very long
    /// (over 64K characters) or mixed content. The span is valid until the next read.
    /// </summary>
    public ReadOnlySpan<char> ReadSpan()
    {
        if (Reader.IsEmptyElement)
        {
            Reader.Read();
            return [];
        }

        var depth = Reader.Depth;
        Reader.Read();
        if (Reader.NodeType == XmlNodeType.EndElement && Reader.Depth == depth)
        {
            Reader.Read();
            return [];
        }

        if (Reader.NodeType == XmlNodeType.Text)
        {
            var text = Reader.TextSpan;
            if (text.Length > MaxBufferLength)
            {
                // A very long value: keep it as a string rather than keep a huge buffer.
                var longText = Reader.Value;
                Reader.Read();
                if (Reader.NodeType == XmlNodeType.EndElement && Reader.Depth == depth)
                {
                    Reader.Read();
                    return longText.AsSpan();
                }

                return (longText + ReadRest(depth)).AsSpan();
            }

            // Copied because reading past the end element may decode the next text into the scanner's buffer.
            if (text.Length > _buffer.Length)
            {
                _buffer = new char[Math.Max(text.Length, _buffer.Length * 2)];
            }

            text.CopyTo(_buffer);
            var length = text.Length;
            Reader.Read();
            if (Reader.NodeType == XmlNodeType.EndElement && Reader.Depth == depth)
            {
                Reader.Read();
                return _buffer.AsSpan(0, length);
            }

            // More nodes follow (CDATA, a child element): gather the rest as a string.
            var rest = ReadRest(depth);
            return (new string(_buffer, 0, length) + rest).AsSpan();
        }

        return ReadRest(depth).AsSpan();
    }

    /// <summary>Reads a leaf as a value; when it does not parse, its text goes to <paramref name="bag"/> under its element name.</summary>
    public bool? ReadBool(ref FieldBag bag) => ReadValue(ref bag, ModernGovText.ParseBool, ModernGovText.ParseBool);

    /// <inheritdoc cref="ReadBool(ref FieldBag)"/>
    public long? ReadLong(ref FieldBag bag) => ReadValue(ref bag, ModernGovText.ParseLong, ModernGovText.ParseLong);

    /// <inheritdoc cref="ReadBool(ref FieldBag)"/>
    public int? ReadInt(ref FieldBag bag) => ReadValue(ref bag, ModernGovText.ParseInt, ModernGovText.ParseInt);

    /// <inheritdoc cref="ReadBool(ref FieldBag)"/>
    public DateOnly? ReadDate(ref FieldBag bag) => ReadValue(ref bag, ModernGovText.ParseDate, ModernGovText.ParseDate);

    /// <inheritdoc cref="ReadBool(ref FieldBag)"/>
    public TimeOnly? ReadTime(ref FieldBag bag) => ReadValue(ref bag, ModernGovText.ParseTime);

    /// <inheritdoc cref="ReadBool(ref FieldBag)"/>
    public DateTime? ReadDateTime(ref FieldBag bag) => ReadValue(ref bag, ModernGovText.ParseDateTime);

    /// <inheritdoc cref="ReadBool(ref FieldBag)"/>
    public Uri? ReadUri(ref FieldBag bag)
    {
        var name = Name;
        var text = ReadText();
        var value = CachedUri(text);
        if (value is null && text is not null)
        {
            bag.Add(name, text);
        }

        return value;
    }

    /// <summary>Keeps the element the reader is on (a leaf, or every leaf below it as <c>parent/child</c>) in <paramref name="bag"/>.</summary>
    public void Keep(ref FieldBag bag, string? prefix = null)
    {
        var key = FieldPath.Join(prefix, Name);
        if (Reader.IsEmptyElement)
        {
            Reader.Read();
            return;
        }

        var depth = Reader.Depth;
        Reader.Read();
        string? text = null;
        StringBuilder? many = null;
        while (!(Reader.NodeType == XmlNodeType.EndElement && Reader.Depth == depth))
        {
            switch (Reader.NodeType)
            {
                case XmlNodeType.Element:
                    Keep(ref bag, key);
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    // Appended, not concatenated: thousands of CDATA sections in one element must stay linear.
                    if (text is null)
                    {
                        text = Reader.Value;
                    }
                    else
                    {
                        (many ??= new StringBuilder(text)).Append(Reader.Value);
                    }

                    break;
                case XmlNodeType.None:
                    throw new XmlException("The body ended inside an element.");
            }

            if (!Reader.Read())
            {
                throw new XmlException("The body ended inside an element.");
            }
        }

        Reader.Read();
        bag.Add(key, ModernGovText.Clean(many?.ToString() ?? text));
    }

    /// <summary>
    /// Reads the element the reader is on as a tree (for the lenient shapes), by local name: namespaces are dropped, as
    /// every mapping matches on local names anyway; namespace declarations are not kept as attributes.
    /// </summary>
    public System.Xml.Linq.XElement ReadElement()
    {
        var element = new System.Xml.Linq.XElement(Name);
        for (var i = 0; i < Reader.AttributeCount; i++)
        {
            var name = Reader.AttributeLocalName(i);
            if (!Reader.IsNamespaceDeclaration(i) && element.Attribute(name) is null)
            {
                element.SetAttributeValue(name, Reader.AttributeValue(i));
            }
        }

        var depth = Reader.Depth;
        if (Reader.IsEmptyElement)
        {
            Reader.Read();
            return element;
        }

        Reader.Read();
        while (!(Reader.NodeType == XmlNodeType.EndElement && Reader.Depth == depth))
        {
            if (Reader.NodeType == XmlNodeType.Element)
            {
                element.Add(ReadElement());
                continue;
            }

            element.Add(new System.Xml.Linq.XText(Reader.Value));
            Reader.Read();
        }

        Reader.Read();
        return element;
    }

    private string? TextOf(ReadOnlySpan<char> span)
    {
        span = span.Trim();
        if (span.IsEmpty || span.Equals("unspecified", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return span.Contains('&') ? ModernGovText.DecodeEntities(span.ToString()) : Intern(span);
    }

    /// <summary>Decodes UTF-8 into the reused buffer; the span is valid until the next read.</summary>
    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _buffer.Length)
        {
            _buffer = new char[Math.Max(utf8.Length, _buffer.Length * 2)];
        }

        return _buffer.AsSpan(0, Encoding.UTF8.GetChars(utf8, _buffer));
    }

    /// <summary>As <see cref="Intern(ReadOnlySpan{char})"/> for UTF-8 read straight from the body (a separate table, as the hashes differ). Only ASCII values are shared.</summary>
    private string Intern(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxInternedLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        _internedUtf8 ??= new string?[InternSlots];
        var slot = QuickHash(utf8) & (InternSlots - 1);
        var existing = _internedUtf8[slot];
        if (existing is not null && existing.Length == utf8.Length && Ascii.Equals(utf8, existing))
        {
            return existing;
        }

        // Nearly every value is ASCII: widening it is much cheaper than a general UTF-8 decode.
        var text = Ascii.IsValid(utf8) ? string.Create(utf8.Length, utf8, static (chars, ascii) => Ascii.ToUtf16(ascii, chars, out _)) : Encoding.UTF8.GetString(utf8);
        _internedUtf8[slot] = text;
        return text;
    }

    /// <summary>One string per distinct short value: a direct-mapped cache, so it never grows or rehashes.</summary>
    private string Intern(ReadOnlySpan<char> span)
    {
        if (span.Length > MaxInternedLength)
        {
            return span.ToString();
        }

        _interned ??= new string?[InternSlots];
        var slot = QuickHash(span) & (InternSlots - 1);
        var existing = _interned[slot];
        if (existing is not null && span.SequenceEqual(existing))
        {
            return existing;
        }

        var text = span.ToString();
        _interned[slot] = text;
        return text;
    }

    /// <summary>A cheap hash for cache slots (collisions only cost a missed share): length, and the first and last eight bytes.</summary>
    private static int QuickHash(ReadOnlySpan<byte> bytes)
    {
        var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15ul;
        if (bytes.Length >= 8)
        {
            hash ^= System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes) * 0xC2B2AE3D27D4EB4Ful;
            hash ^= System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]) * 0x165667B19E3779F9ul;
        }
        else
        {
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * 0x100000001B3ul;
            }
        }

        return (int)(hash ^ (hash >> 29) ^ (hash >> 41));
    }

    /// <summary>As <see cref="QuickHash(ReadOnlySpan{byte})"/> over the characters' bytes.</summary>
    private static int QuickHash(ReadOnlySpan<char> span) => QuickHash(System.Runtime.InteropServices.MemoryMarshal.AsBytes(span));

    /// <summary>The same URL text (interned, so compared by reference) gives the same immutable <see cref="Uri"/>.</summary>
    private Uri? CachedUri(string? text)
    {
        if (text is null)
        {
            return null;
        }

        _uris ??= new (string, Uri)[UriSlots];
        var slot = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(text) & (UriSlots - 1);
        if (ReferenceEquals(_uris[slot].Text, text))
        {
            return _uris[slot].Uri;
        }

        var uri = ModernGovText.ParseUri(text);
        if (uri is not null)
        {
            _uris[slot] = (text, uri);
        }

        return uri;
    }

    private T? ReadValue<T>(ref FieldBag bag, SpanParser<T> parse, Utf8SpanParser<T>? fast = null)
        where T : struct
    {
        var name = Name;
        ReadOnlySpan<char> span;
        if (Reader.TryReadLeaf(out var utf8))
        {
            Reader.Read();
            if (fast?.Invoke(utf8) is { } quick)
            {
                return quick;
            }

            var trimmed = utf8.Trim(XmlWhitespace);
            if (trimmed.IsEmpty || Ascii.EqualsIgnoreCase(trimmed, Unspecified))
            {
                return null;
            }

            span = Decode(utf8);
        }
        else
        {
            span = ReadSpan();
        }

        var value = parse(span);
        KeepUnparsed(value is null, span, name, ref bag);
        return value;
    }

    private static void KeepUnparsed(bool failed, ReadOnlySpan<char> span, string name, ref FieldBag bag)
    {
        if (!failed)
        {
            return;
        }

        var trimmed = span.Trim();
        if (trimmed.IsEmpty || trimmed.Equals("unspecified", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        bag.Add(name, ModernGovText.Clean(trimmed.ToString()));
    }

    private string ReadRest(int depth)
    {
        var text = new System.Text.StringBuilder();
        while (!(Reader.NodeType == XmlNodeType.EndElement && Reader.Depth == depth))
        {
            if (Reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(Reader.Value);
            }
            else if (Reader.NodeType == XmlNodeType.None)
            {
                throw new XmlException("The body ended inside an element.");
            }

            if (!Reader.Read())
            {
                throw new XmlException("The body ended inside an element.");
            }
        }

        Reader.Read();
        return text.ToString();
    }
}
