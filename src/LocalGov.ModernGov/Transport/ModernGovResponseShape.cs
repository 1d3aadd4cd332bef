using System.Net;
using System.Xml.Linq;

namespace LocalGov.ModernGov;

/// <summary>What one operation's response looks like: the root elements accepted and how to map the document.</summary>
internal sealed class ModernGovResponseShape<T>
{
    private readonly string[]? _roots;
    private readonly Func<XmlCursor, ModernGovRequestContext, HttpStatusCode, string?, T> _parse;

    private ModernGovResponseShape(string[]? roots, Func<XmlCursor, ModernGovRequestContext, HttpStatusCode, string?, T> parse)
    {
        _roots = roots;
        _parse = parse;
    }

    /// <summary>A verified shape: the root must be one of <paramref name="roots"/>.</summary>
    public static ModernGovResponseShape<T> Streaming(string[] roots, Func<XmlCursor, T> parse) =>
        new(roots, (cursor, _, _, _) => parse(cursor));

    /// <summary>A verified shape whose empty answer means "no such record".</summary>
    public static ModernGovResponseShape<T> Streaming(string[] roots, Func<XmlCursor, T> parse, Func<T, bool> isEmpty, string notFound) =>
        new(roots, (cursor, context, status, excerpt) =>
        {
            var value = parse(cursor);
            return isEmpty(value) ? throw new ModernGovNotFoundException(notFound, context, status, excerpt) : value;
        });

    /// <summary>An unconfirmed shape: any root that is not HTML, mapped leniently from a tree.</summary>
    public static ModernGovResponseShape<T> Lenient(Func<XElement, XmlLimits, T> parse) =>
        new(null, (cursor, _, _, _) => parse(cursor.ReadElement(), cursor.Reader.Limits));

    /// <summary>Whether a <c>&lt;string&gt;</c> root holding escaped XML is unwrapped (for shapes no recording confirms).</summary>
    public bool UnwrapsStrings => _roots is null || _roots.Contains("string", StringComparer.Ordinal);

    public string ExpectedRootsText => _roots is null ? "any" : string.Join(" or ", _roots.Select(r => "<" + r + ">"));

    public bool AcceptsRoot(string root) =>
        _roots is null
            ? !root.Equals("Envelope", StringComparison.OrdinalIgnoreCase) && !root.Equals("Fault", StringComparison.OrdinalIgnoreCase)
            : _roots.Contains(root, StringComparer.OrdinalIgnoreCase);

    public T Parse(XmlCursor cursor, ModernGovRequestContext context, HttpStatusCode status, string? excerpt) => _parse(cursor, context, status, excerpt);
}
