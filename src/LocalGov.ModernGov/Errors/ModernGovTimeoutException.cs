namespace LocalGov.ModernGov;

/// <summary>The council's server did not give a complete answer within <see cref="ModernGovCouncilOptions.Timeout"/> (retries included).</summary>
public sealed class ModernGovTimeoutException : ModernGovTransportException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovTimeoutException()
        : base("The Modern.Gov server did not answer in time.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovTimeoutException(ModernGovRequestContext context, TimeSpan timeout, Exception? innerException)
        : base($"No complete response within {timeout.TotalSeconds:0.###} s (ModernGovCouncilOptions.Timeout)", context, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed, when known.</summary>
    public TimeSpan? Timeout { get; }
}
