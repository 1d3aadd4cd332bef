using System.Net;

namespace LocalGov.ModernGov;

/// <summary>The body looked like XML but could not be parsed: not well-formed, cut short, or carrying a DTD (document type definitions are refused, so entity-expansion bombs and external entities are never processed).</summary>
public sealed class ModernGovMalformedXmlException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovMalformedXmlException()
        : base("The Modern.Gov response is not well-formed XML.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovMalformedXmlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovMalformedXmlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovMalformedXmlException(string what, ModernGovRequestContext context, HttpStatusCode? statusCode, string? bodyExcerpt, System.Xml.XmlException innerException)
        : base(what, context, statusCode, bodyExcerpt, innerException)
    {
        LineNumber = innerException.LineNumber;
        LinePosition = innerException.LinePosition;
    }

    /// <summary>The line of the body where parsing failed (1-based; 0 when unknown).</summary>
    public int LineNumber { get; }

    /// <summary>The position in that line where parsing failed (1-based; 0 when unknown).</summary>
    public int LinePosition { get; }
}
