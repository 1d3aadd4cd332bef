namespace LocalGov.ModernGov;

/// <summary>No response arrived from the council's server: connection refused or reset, TLS or DNS failure, a body cut off mid-way, a timeout or an open circuit breaker. <see cref="Exception.InnerException"/> holds the underlying failure.</summary>
public class ModernGovTransportException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovTransportException()
        : base("No response arrived from the Modern.Gov server.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovTransportException(string what, ModernGovRequestContext context, Exception? innerException)
        : base(what, context, null, null, innerException)
    {
    }
}
