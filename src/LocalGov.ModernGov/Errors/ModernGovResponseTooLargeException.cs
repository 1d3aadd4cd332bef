using System.Net;

namespace LocalGov.ModernGov;

/// <summary>The body was larger than <see cref="ModernGovCouncilOptions.MaxResponseBytes"/>; reading stopped at the limit.</summary>
public sealed class ModernGovResponseTooLargeException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovResponseTooLargeException()
        : base("The Modern.Gov response is larger than the configured limit.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovResponseTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovResponseTooLargeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovResponseTooLargeException(ModernGovRequestContext context, HttpStatusCode? statusCode, long limitBytes)
        : base($"The response body is larger than the limit of {limitBytes} bytes (ModernGovCouncilOptions.MaxResponseBytes)", context, statusCode, null, null)
    {
        LimitBytes = limitBytes;
    }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long LimitBytes { get; }
}
