namespace LocalGov.Boundaries;

/// <summary>What loading a source did: nothing is dropped without a line here.</summary>
public sealed record LoadReport
{
    /// <summary>The file path or URL loaded.</summary>
    public required string Source { get; init; }

    /// <summary>The format read (GeoJSON, CSV, Shapefile, GeoPackage, ArcGIS REST).</summary>
    public required string Format { get; init; }

    /// <summary>Features read from the source.</summary>
    public required int FeaturesRead { get; init; }

    /// <summary>Features kept in the set (read minus skipped).</summary>
    public required int FeaturesLoaded { get; init; }

    /// <summary>The CRS the set is in.</summary>
    public required BoundaryCrs Crs { get; init; }

    /// <summary>How the CRS was decided: declared, detected from coordinates, or overridden.</summary>
    public required string CrsDecision { get; init; }

    /// <summary>The field the codes came from.</summary>
    public required string CodeField { get; init; }

    /// <summary>The field the names came from, or null when the source has none.</summary>
    public string? NameField { get; init; }

    /// <summary>The field the parent codes came from, or null.</summary>
    public string? ParentCodeField { get; init; }

    /// <summary>Invalid geometries that were repaired, with what was wrong.</summary>
    public IReadOnlyList<LoadIssue> Repairs { get; init; } = [];

    /// <summary>Features that were skipped (empty or non-polygonal geometry, no code), with the reason.</summary>
    public IReadOnlyList<LoadIssue> Skips { get; init; } = [];

    /// <summary>Other things worth knowing (a mislabelled SRID, duplicate codes).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
