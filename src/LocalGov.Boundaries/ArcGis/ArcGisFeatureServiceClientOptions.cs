using System.ComponentModel.DataAnnotations;

namespace LocalGov.Boundaries;

/// <summary>Options for <see cref="ArcGisFeatureServiceClient"/>.</summary>
public sealed class ArcGisFeatureServiceClientOptions
{
    /// <summary>Features per request. Default (null): the layer's own <c>maxRecordCount</c>.</summary>
    [Range(1, 100_000)]
    public int? PageSize { get; set; }

    /// <summary>The SQL filter passed as <c>where</c> (default <c>1=1</c>: every feature).</summary>
    [Required]
    public string Where { get; set; } = "1=1";

    /// <summary>The CRS asked for with <c>outSR</c> (default WGS84, which every service can give as GeoJSON).</summary>
    public BoundaryCrs OutputCrs { get; set; } = BoundaryCrs.Wgs84;

    /// <summary>A safety limit on requests for one layer (default 10,000 pages).</summary>
    [Range(1, 1_000_000)]
    public int MaxPages { get; set; } = 10_000;
}
