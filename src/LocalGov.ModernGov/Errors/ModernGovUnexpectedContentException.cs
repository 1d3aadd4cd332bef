using System.Net;

namespace LocalGov.ModernGov;

/// <summary>The body is not Modern.Gov XML: an HTML page served with HTTP 200, a JavaScript redirect, a firewall challenge, a SharePoint error page, or XML of another kind. <see cref="Kind"/> says which.</summary>
public class ModernGovUnexpectedContentException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovUnexpectedContentException()
        : base("The response is not Modern.Gov XML.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovUnexpectedContentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovUnexpectedContentException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovUnexpectedContentException(string what, ModernGovRequestContext context, HttpStatusCode? statusCode, string? bodyExcerpt, ModernGovContentKind kind)
        : base(what, context, statusCode, bodyExcerpt, null)
    {
        Kind = kind;
    }

    /// <summary>What the body looked like.</summary>
    public ModernGovContentKind Kind { get; }
}
