namespace LocalGov.ModernGov;

/// <summary>A council that runs Modern.Gov, as listed in a registry file (see <see cref="ModernGovCouncilRegistry"/>).</summary>
public sealed record ModernGovCouncil
{
    /// <summary>The register code (such as <c>MAN</c>), used as the council's name when registering it.</summary>
    public required string Code { get; init; }

    /// <summary>The official name (such as "Manchester City Council").</summary>
    public required string Name { get; init; }

    /// <summary>The base URL of its Modern.Gov install, normalised.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The nation (<c>ENG</c>, <c>WLS</c>, <c>SCT</c>, <c>NIR</c>), when given.</summary>
    public string? Territory { get; init; }

    /// <summary>The kind of council (<c>UA</c>, <c>NMD</c>, <c>MTD</c>, <c>LBO</c>, <c>CTY</c>…), when given.</summary>
    public string? OrganisationType { get; init; }

    /// <summary>When the council ceased to exist (reorganisation), or null while it exists.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Whether the source marked its scraper disabled (the install was unreachable or changed).</summary>
    public bool IsDisabled { get; init; }

    /// <summary>Whether the source had to turn TLS verification off for this host (an incomplete certificate chain).</summary>
    public bool HasTlsProblems { get; init; }

    /// <summary>Whether the council still exists on <paramref name="today"/>.</summary>
    /// <param name="today">The date to check.</param>
    /// <returns>True when it has no end date or ends after <paramref name="today"/>.</returns>
    public bool IsCurrent(DateOnly today) => EndDate is null || EndDate.Value > today;
}
