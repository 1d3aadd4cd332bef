using System.Net;

namespace LocalGov.ModernGov;

/// <summary>A web application firewall or bot wall (Cloudflare, Incapsula, Akamai, CloudFront) answered instead of Modern.Gov. Try a descriptive <see cref="ModernGovCouncilOptions.UserAgent"/>, another network, or ask the council to allow your client.</summary>
public sealed class ModernGovBlockedException : ModernGovUnexpectedContentException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovBlockedException()
        : base("A firewall blocked the request to the Modern.Gov server.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovBlockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovBlockedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovBlockedException(string what, ModernGovRequestContext context, HttpStatusCode? statusCode, string? bodyExcerpt)
        : base(what, context, statusCode, bodyExcerpt, ModernGovContentKind.FirewallChallenge)
    {
    }
}
