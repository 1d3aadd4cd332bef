using System.Net;

namespace LocalGov.ModernGov;

/// <summary>The server answered with an HTTP error status (after any retries) that has no more specific meaning: 404 when the base URL is wrong, 403 from a firewall, 503 when the service is down.</summary>
public sealed class ModernGovHttpException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovHttpException()
        : base("The Modern.Gov server answered with an HTTP error.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovHttpException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovHttpException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovHttpException(string what, ModernGovRequestContext context, HttpStatusCode statusCode, string? bodyExcerpt)
        : base(what, context, statusCode, bodyExcerpt, null)
    {
    }
}
