using System.Net;

namespace LocalGov.ModernGov;

/// <summary>The install rejected the request for a missing parameter (its Modern.Gov version declares a parameter this client did not send).</summary>
public sealed class ModernGovMissingParameterException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovMissingParameterException()
        : base("The Modern.Gov server reported a missing parameter.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovMissingParameterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovMissingParameterException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovMissingParameterException(ModernGovRequestContext context, string? parameterName, HttpStatusCode? statusCode, string? bodyExcerpt)
        : base($"The install says the parameter {parameterName ?? "(unnamed)"} is missing", context, statusCode, bodyExcerpt, null)
    {
        ParameterName = parameterName;
    }

    /// <summary>The parameter the server named, when it named one.</summary>
    public string? ParameterName { get; }
}
