namespace LocalGov.Boundaries;

/// <summary>How to read a boundary source: which fields hold what, and which CRS to assume.</summary>
public sealed record BoundaryLoadOptions
{
    /// <summary>The field with the area code. Default: the first ONS-style <c>XXnnCD</c> field (<c>PAR20CD</c>, <c>LAD21CD</c>…), else <c>CODE</c> (Boundary-Line), <c>gss_code</c>, <c>areacd</c>, <c>id</c>.</summary>
    public string? CodeField { get; init; }

    /// <summary>The field with the area name. Default: the <c>XXnnNM</c> that matches the code field, else <c>NAME</c>, <c>areanm</c>.</summary>
    public string? NameField { get; init; }

    /// <summary>The field with the parent's code. Default: the first <c>LADnnCD</c> when the code field is another ONS code, else <c>parentcd</c> or <c>parent_code</c>.</summary>
    public string? ParentCodeField { get; init; }

    /// <summary>CSV only: the column with WKT or hex (E)WKB. Default: <c>geom</c>, <c>geometry</c>, <c>wkt</c>, <c>wkb</c>, <c>the_geom</c> or <c>shape</c>.</summary>
    public string? GeometryField { get; init; }

    /// <summary>GeoPackage only: the feature table to read. Default: the only (or first) feature table.</summary>
    public string? GeoPackageTable { get; init; }

    /// <summary>TopoJSON only: the object of the topology to read (ONS files have one, such as <c>LA2020EW</c> or <c>lad</c>). Default: the only object; a topology with several needs this.</summary>
    public string? TopoJsonObject { get; init; }

    /// <summary>The CRS of the coordinates, overriding whatever the source declares and whatever detection would say.</summary>
    public BoundaryCrs? Crs { get; init; }
}
