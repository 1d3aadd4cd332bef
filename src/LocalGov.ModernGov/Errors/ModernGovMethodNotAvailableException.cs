using System.Net;

namespace LocalGov.ModernGov;

/// <summary>The install answered "Web Service method name is not valid": the operation does not exist or is switched off on this council's Modern.Gov.</summary>
public sealed class ModernGovMethodNotAvailableException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovMethodNotAvailableException()
        : base("The operation is not available on this Modern.Gov install.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovMethodNotAvailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovMethodNotAvailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovMethodNotAvailableException(ModernGovRequestContext context, HttpStatusCode? statusCode, string? bodyExcerpt)
        : base("The install says the web-service method name is not valid (the operation is missing or switched off)", context, statusCode, bodyExcerpt, null)
    {
    }
}
