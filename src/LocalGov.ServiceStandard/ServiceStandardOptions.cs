namespace LocalGov.ServiceStandard;

/// <summary>Options for the service-standard catalogue registered in dependency injection.</summary>
public sealed class ServiceStandardOptions
{
    /// <summary>The configuration section these options usually bind from.</summary>
    public const string SectionName = "LocalGov:ServiceStandard";

    /// <summary>
    /// A folder of standard version JSON files (e.g. your region's derived standards written by <c>localgov standards derive</c>)
    /// to add to the built-in catalogue; null for the built-in catalogue only.
    /// </summary>
    public string? AdditionalStandardsFolder { get; set; }
}
