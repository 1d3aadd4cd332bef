namespace SpeedingReport.Contacts;

/// <summary>Where a contact's details came from; the result page says which.</summary>
public enum ContactSource
{
    /// <summary>The council's Modern.Gov (GetParishCouncils).</summary>
    ModernGov,

    /// <summary>The contact directory file the council keeps.</summary>
    Directory,
}

/// <summary>How to contact the body that deals with a report.</summary>
public sealed record ContactDetails
{
    public required string Name { get; init; }

    public string? ClerkName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public IReadOnlyList<string> Address { get; init; } = [];

    public string? Postcode { get; init; }

    public Uri? Website { get; init; }

    public required ContactSource Source { get; init; }

    /// <summary>
    /// The Open311 endpoint (its name in the contact directory) that takes this body's reports instead of email, or null.
    /// Only directory entries have one; the report to the body then goes by the <c>open311</c> delivery channel.
    /// </summary>
    public string? Open311Endpoint { get; init; }

    /// <summary>Why the first-choice source was not used (Modern.Gov unreachable or without this parish), if it was not.</summary>
    public string? SourceNote { get; init; }
}
