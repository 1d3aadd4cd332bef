namespace LocalGov.ModernGov;

/// <summary>
/// The council's server answered with a redirect that is not followed: to a scheme other than http or https, from https
/// down to http, to another host or port (unless <see cref="ModernGovCouncilOptions.AllowRedirectsToOtherHosts"/>), or
/// one hop past <see cref="ModernGovCouncilOptions.MaxRedirects"/>. Nothing at <see cref="Location"/> was requested.
/// </summary>
public sealed class ModernGovRedirectException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovRedirectException()
        : base("The Modern.Gov server answered with a redirect that is not followed.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovRedirectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovRedirectException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovRedirectException(RedirectRefusedException refused, ModernGovRequestContext context)
        : base($"The server redirected to {refused.Location}, which is not followed: {refused.Reason}", context with { RequestUri = refused.From }, null, null, refused)
    {
        Location = refused.Location;
    }

    /// <summary>Where the refused redirect pointed.</summary>
    public Uri? Location { get; }
}
