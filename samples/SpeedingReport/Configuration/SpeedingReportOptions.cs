namespace SpeedingReport.Configuration;

/// <summary>
/// The sample's settings (section <c>SpeedingReport</c>). Relative paths are resolved against the content root.
/// Going live is a matter of settings: clear the two Demo* entries, point the boundary files and the directory at
/// the council's own, and set <c>ModernGov:BaseUrl</c> and <c>PostcodesIo:BaseAddress</c>.
/// </summary>
public sealed class SpeedingReportOptions
{
    public const string SectionName = "SpeedingReport";

    /// <summary>The council running the service, shown in the header and in messages.</summary>
    public string CouncilName { get; set; } = "";

    /// <summary>The questions and the rules that decide who deals with a report (JSON; see README).</summary>
    public string RoutingFile { get; set; } = "Data/routing.json";

    /// <summary>Parish boundaries (GeoJSON, Shapefile, GeoPackage or CSV; anything LocalGov.Boundaries loads).</summary>
    public string ParishBoundaries { get; set; } = "";

    /// <summary>District boundaries: answer where no parish covers a point, and mark the council's area.</summary>
    public string DistrictBoundaries { get; set; } = "";

    /// <summary>The contact directory (JSON): the district team and any parish the council's Modern.Gov lacks.</summary>
    public string ContactDirectory { get; set; } = "";

    /// <summary>When set, postcodes.io is answered in-process from this file of demo postcodes (no network).</summary>
    public string? DemoPostcodes { get; set; }

    /// <summary>When set, Modern.Gov's GetParishCouncils is answered in-process from this XML file (no network).</summary>
    public string? DemoModernGovParishCouncils { get; set; }

    /// <summary>How long parish councils read from Modern.Gov are kept before asking again.</summary>
    public TimeSpan ModernGovCacheDuration { get; set; } = TimeSpan.FromHours(1);

    public bool IsDemo => !string.IsNullOrWhiteSpace(DemoPostcodes) || !string.IsNullOrWhiteSpace(DemoModernGovParishCouncils);
}
