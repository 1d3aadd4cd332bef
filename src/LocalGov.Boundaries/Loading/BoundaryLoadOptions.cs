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

    /// <summary>
    /// The deepest nesting a geometry may have: brackets in WKT, collections within collections in WKB and GeoPackage
    /// blobs, and arrays and objects in GeoJSON and TopoJSON (default 64; 4 is enough for any real boundary). Deeper
    /// input is refused with <see cref="BoundaryFileException"/> before it is parsed, so it cannot overflow the stack.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>The most features (rows, records) a source may hold (default 1,000,000; England has about 10,500 parishes). More is refused, naming the cap.</summary>
    public int MaxFeatures { get; init; } = 1_000_000;

    /// <summary>
    /// The most vertices a source may expand to (default 100,000,000). Only TopoJSON can expand (a ring may repeat a
    /// shared arc), so this bounds the memory a small hostile topology can take.
    /// </summary>
    public long MaxVertices { get; init; } = 100_000_000;

    /// <summary>CSV only: the longest record, in characters (default 67,108,864, 64 Mi: the WKT of the largest real parish is a few MB). A longer line or field is refused with its line number.</summary>
    public int MaxCsvRecordLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>GeoJSON and TopoJSON only: the largest file or stream, in bytes (default 1 GiB). JSON is parsed whole, so this bounds the memory a load takes (about three times the size).</summary>
    public long MaxJsonBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>GeoPackage only: the longest the SQLite queries of one load may run (default 5 minutes), so a feature table that is an endless or very slow view is stopped and reported.</summary>
    public TimeSpan MaxQueryTime { get; init; } = TimeSpan.FromMinutes(5);
}
