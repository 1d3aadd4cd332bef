using System.Net;

namespace LocalGov.ModernGov;

/// <summary>The install answered with an empty record: the meeting, election or attachment asked for does not exist or is not published.</summary>
public sealed class ModernGovNotFoundException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovNotFoundException()
        : base("The Modern.Gov record was not found.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovNotFoundException(string what, ModernGovRequestContext context, HttpStatusCode? statusCode, string? bodyExcerpt)
        : base(what, context, statusCode, bodyExcerpt, null)
    {
    }
}
