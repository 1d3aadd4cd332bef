namespace SpeedingReport.Map;

/// <summary>
/// The location map (section <c>SpeedingReport:Map</c>). Without a tile URL the map draws only the council's parish and
/// district boundaries, which is what the offline demo does.
/// </summary>
public sealed class MapOptions
{
    public const string SectionName = "SpeedingReport:Map";

    /// <summary>
    /// A Leaflet tile URL template, for example <c>https://tile.openstreetmap.org/{z}/{x}/{y}.png</c> or the OS Maps API
    /// <c>https://api.os.uk/maps/raster/v1/zxy/Road_3857/{z}/{x}/{y}.png?key=…</c>. Its host is allowed in the
    /// Content-Security-Policy's <c>img-src</c>.
    /// </summary>
    public string? TileUrlTemplate { get; set; }

    /// <summary>The attribution the tile provider requires, as HTML (for example "© OpenStreetMap contributors").</summary>
    public string? TileAttribution { get; set; }

    /// <summary>The most the map zooms in (tile providers differ; OS Maps API road tiles go to 20, OpenStreetMap to 19).</summary>
    public int MaxZoom { get; set; } = 19;

    /// <summary>The origin to allow in <c>img-src</c> ("https://*.tile.example" when the template has {s}), or null without tiles.</summary>
    public string? TileSource()
    {
        if (string.IsNullOrWhiteSpace(TileUrlTemplate))
        {
            return null;
        }

        var template = TileUrlTemplate.Replace("{s}", "subdomain-placeholder", StringComparison.Ordinal);
        if (!Uri.TryCreate(template, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.Replace("subdomain-placeholder", "*", StringComparison.Ordinal);
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }

    /// <summary>Why the tile settings cannot be used, or null when they can (no tiles is fine).</summary>
    internal string? Problem()
    {
        if (string.IsNullOrWhiteSpace(TileUrlTemplate))
        {
            return null;
        }

        var template = TileUrlTemplate.Replace("{s}", "a", StringComparison.Ordinal);
        if (!Uri.TryCreate(template, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "SpeedingReport:Map:TileUrlTemplate must be an absolute https URL template.";
        }

        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            return "SpeedingReport:Map:TileUrlTemplate must use https (a resident's browser refuses mixed content).";
        }

        if (!(TileUrlTemplate.Contains("{z}", StringComparison.Ordinal) && TileUrlTemplate.Contains("{x}", StringComparison.Ordinal) && TileUrlTemplate.Contains("{y}", StringComparison.Ordinal)))
        {
            return "SpeedingReport:Map:TileUrlTemplate must contain {z}, {x} and {y}.";
        }

        if (string.IsNullOrWhiteSpace(TileAttribution))
        {
            return "SpeedingReport:Map:TileAttribution is required with a tile URL: tile providers require their credit on the map.";
        }

        return MaxZoom is < 1 or > 22 ? "SpeedingReport:Map:MaxZoom must be between 1 and 22." : null;
    }
}
