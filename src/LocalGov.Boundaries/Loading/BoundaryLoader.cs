using System.Text;
using LocalGov.Boundaries.Loading;

namespace LocalGov.Boundaries;

/// <summary>Loads boundary files (GeoJSON, TopoJSON, CSV with WKT/WKB, ESRI Shapefile, GeoPackage) into a <see cref="BoundarySet"/>.</summary>
public static class BoundaryLoader
{
    /// <summary>
    /// Loads a file, choosing the format from its extension (<c>.geojson</c>, <c>.topojson</c>, <c>.csv</c>, <c>.shp</c>, <c>.gpkg</c>);
    /// a <c>.json</c> file is TopoJSON when its top-level <c>type</c> is <c>Topology</c>, else GeoJSON.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Field names and CRS; defaults recognise ONS and Boundary-Line names.</param>
    /// <returns>The boundaries and their load report.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BoundaryFileException">The file is malformed or of an unknown format.</exception>
    /// <exception cref="BoundaryCrsException">The CRS cannot be decided.</exception>
    /// <exception cref="ArgumentException">A limit in <paramref name="options"/> is not positive.</exception>
    public static BoundarySet Load(string path, BoundaryLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".GEOJSON" => LoadGeoJson(path, options),
            ".TOPOJSON" => LoadTopoJson(path, options),
            ".JSON" => LoadJson(path, options),
            ".CSV" => LoadCsv(path, options),
            ".SHP" => LoadShapefile(path, options),
            ".GPKG" => LoadGeoPackage(path, options),
            var other => throw new BoundaryFileException(path, null, null, $"unknown boundary format '{other}': use .geojson, .topojson, .json, .csv, .shp or .gpkg"),
        };
    }

    /// <summary>Loads a GeoJSON FeatureCollection file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Field names and CRS.</param>
    /// <returns>The boundaries and their load report.</returns>
    public static BoundarySet LoadGeoJson(string path, BoundaryLoadOptions? options = null)
    {
        RequireFile(path);
        options = Limits.Checked(options);
        return BoundarySetBuilder.Build(GeoJsonSourceReader.Read(JsonInput.ReadFile(path, options.MaxJsonBytes), path, options), options);
    }

    /// <summary>Loads a GeoJSON FeatureCollection from a stream.</summary>
    /// <param name="stream">The GeoJSON.</param>
    /// <param name="sourceName">A name for messages and the report.</param>
    /// <param name="options">Field names and CRS.</param>
    /// <returns>The boundaries and their load report.</returns>
    public static BoundarySet LoadGeoJson(Stream stream, string sourceName, BoundaryLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options = Limits.Checked(options);
        return BoundarySetBuilder.Build(GeoJsonSourceReader.Read(JsonInput.Read(stream, sourceName, options.MaxJsonBytes), sourceName, options), options);
    }

    /// <summary>Loads one object of a TopoJSON Topology file (quantized or not) as polygons stitched from its shared arcs.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Field names, <see cref="BoundaryLoadOptions.TopoJsonObject"/> and CRS.</param>
    /// <returns>The boundaries and their load report.</returns>
    public static BoundarySet LoadTopoJson(string path, BoundaryLoadOptions? options = null)
    {
        RequireFile(path);
        options = Limits.Checked(options);
        return BoundarySetBuilder.Build(TopoJsonSourceReader.Read(JsonInput.ReadFile(path, options.MaxJsonBytes), path, options), options);
    }

    /// <summary>Loads one object of a TopoJSON Topology from a stream.</summary>
    /// <param name="stream">The TopoJSON.</param>
    /// <param name="sourceName">A name for messages and the report.</param>
    /// <param name="options">Field names, <see cref="BoundaryLoadOptions.TopoJsonObject"/> and CRS.</param>
    /// <returns>The boundaries and their load report.</returns>
    public static BoundarySet LoadTopoJson(Stream stream, string sourceName, BoundaryLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options = Limits.Checked(options);
        return BoundarySetBuilder.Build(TopoJsonSourceReader.Read(JsonInput.Read(stream, sourceName, options.MaxJsonBytes), sourceName, options), options);
    }

    /// <summary>Loads a CSV file with a WKT or hex (E)WKB geometry column.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Field names (including <see cref="BoundaryLoadOptions.GeometryField"/>) and CRS.</param>
    /// <returns>The boundaries and their load report.</returns>
    public static BoundarySet LoadCsv(string path, BoundaryLoadOptions? options = null)
    {
        RequireFile(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return LoadCsv(reader, path, options);
    }

    /// <summary>Loads CSV text with a WKT or hex (E)WKB geometry column.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">A name for messages and the report.</param>
    /// <param name="options">Field names and CRS.</param>
    /// <returns>The boundaries and their load report.</returns>
    public static BoundarySet LoadCsv(TextReader reader, string sourceName, BoundaryLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options = Limits.Checked(options);
        return BoundarySetBuilder.Build(CsvSourceReader.Read(reader, sourceName, options), options);
    }

    /// <summary>Loads an ESRI Shapefile (the .shp path; .shx and .dbf beside it, .prj when present).</summary>
    /// <param name="path">The .shp file.</param>
    /// <param name="options">Field names and CRS.</param>
    /// <returns>The boundaries and their load report.</returns>
    public static BoundarySet LoadShapefile(string path, BoundaryLoadOptions? options = null)
    {
        RequireFile(path);
        options = Limits.Checked(options);
        return BoundarySetBuilder.Build(ShapefileSourceReader.Read(path, options), options);
    }

    /// <summary>Loads a feature table of a GeoPackage.</summary>
    /// <param name="path">The .gpkg file.</param>
    /// <param name="options">Field names, table and CRS.</param>
    /// <returns>The boundaries and their load report.</returns>
    public static BoundarySet LoadGeoPackage(string path, BoundaryLoadOptions? options = null)
    {
        RequireFile(path);
        options = Limits.Checked(options);
        return BoundarySetBuilder.Build(GeoPackageSourceReader.Read(path, options), options);
    }

    /// <summary>A .json file is read once and given to the reader its top-level type calls for.</summary>
    private static BoundarySet LoadJson(string path, BoundaryLoadOptions? options)
    {
        RequireFile(path);
        options = Limits.Checked(options);
        var json = JsonInput.ReadFile(path, options.MaxJsonBytes);
        return BoundarySetBuilder.Build(TopoJsonSourceReader.IsTopology(json.Span) ? TopoJsonSourceReader.Read(json, path, options) : GeoJsonSourceReader.Read(json, path, options), options);
    }

    private static void RequireFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Boundary file not found: {path}", path);
        }
    }
}
