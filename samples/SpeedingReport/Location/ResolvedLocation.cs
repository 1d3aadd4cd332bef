namespace SpeedingReport.Location;

/// <summary>Where the speeding happens: the point, and the parish (if any) and district it falls in.</summary>
public sealed record ResolvedLocation
{
    /// <summary>What the resident entered, as shown back to them ("DM1 1AA", or "51.97, -1.05").</summary>
    public required string Description { get; init; }

    public required double Latitude { get; init; }

    public required double Longitude { get; init; }

    public string? ParishCode { get; init; }

    public string? ParishName { get; init; }

    public required string DistrictCode { get; init; }

    public required string DistrictName { get; init; }

    public bool InParish => ParishCode is not null;
}
