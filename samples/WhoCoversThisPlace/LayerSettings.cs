namespace WhoCoversThisPlace;

/// <summary>One layer: its name (parish, ward, district, county, division, constituency or any), its file and fields.</summary>
public sealed record LayerSettings
{
    /// <summary>The layer's name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The boundary file (any format LocalGov.Boundaries reads).</summary>
    public string File { get; set; } = string.Empty;

    /// <summary>The code field, when not found by itself.</summary>
    public string? CodeField { get; set; }

    /// <summary>The name field, when not found by itself.</summary>
    public string? NameField { get; set; }

    /// <summary>The object of a TopoJSON file that holds several.</summary>
    public string? TopoJsonObject { get; set; }
}
