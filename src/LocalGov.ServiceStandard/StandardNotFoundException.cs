namespace LocalGov.ServiceStandard;

/// <summary>A standard, or a version of it, is not in the catalogue.</summary>
public sealed class StandardNotFoundException : ServiceStandardException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public StandardNotFoundException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public StandardNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StandardNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="standardId"/> (and <paramref name="version"/> when given).</summary>
    /// <param name="standardId">The standard asked for.</param>
    /// <param name="version">The version asked for, or null for "any".</param>
    /// <param name="known">The standards (or versions) that do exist, for the message.</param>
    public StandardNotFoundException(string standardId, string? version, IEnumerable<string> known)
        : base(version is null
            ? $"Standard '{standardId}' is not in the catalogue. Known: {string.Join(", ", known ?? [])}."
            : $"Standard '{standardId}' has no version '{version}'. Known: {string.Join(", ", known ?? [])}.")
    {
        StandardId = standardId;
        Version = version;
    }

    /// <summary>The standard asked for.</summary>
    public string? StandardId { get; }

    /// <summary>The version asked for, or null when any version would have done.</summary>
    public string? Version { get; }
}
