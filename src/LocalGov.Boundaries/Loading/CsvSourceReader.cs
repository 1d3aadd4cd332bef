using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace LocalGov.Boundaries.Loading;

/// <summary>Reads a CSV whose geometry column holds WKT (optionally <c>SRID=n;</c>-prefixed) or hex WKB/EWKB.</summary>
internal static class CsvSourceReader
{
    private static readonly string[] GeometryFallbacks = ["geom", "geometry", "wkt", "wkb", "the_geom", "shape", "geom_wkt"];

    public static RawSource Read(TextReader text, string source, BoundaryLoadOptions options)
    {
        var csv = new CsvRecordReader(text, source, options.MaxCsvRecordLength);
        var header = csv.Read() ?? throw new BoundaryFileException(source, 1, null, "the file is empty (no header line)");
        header = [.. header.Select(h => h.Trim().TrimStart('\uFEFF'))];
        var geometryColumn = options.GeometryField is not null
            ? header.FindIndex(h => string.Equals(h, options.GeometryField, StringComparison.OrdinalIgnoreCase))
            : GeometryFallbacks.Select(g => header.FindIndex(h => string.Equals(h, g, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(i => i >= 0, -1);
        if (geometryColumn < 0)
        {
            throw new BoundaryFileException(source, 1, null, options.GeometryField is not null
                ? $"the geometry column '{options.GeometryField}' is not in the header ({string.Join(", ", header)})"
                : $"no geometry column (looked for {string.Join(", ", GeometryFallbacks)}); name one with GeometryField. Header: {string.Join(", ", header)}");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            if (!columns.TryAdd(header[i], i))
            {
                throw new BoundaryFileException(source, 1, null, $"the header names the column '{header[i]}' twice (column {columns[header[i]] + 1} and {i + 1}); each column needs its own name");
            }
        }

        var wkb = new WKBReader { HandleSRID = true };
        var wkt = new WKTReader();
        var features = new List<RawFeature>();
        int? declaredSrid = null;
        var sridDisagrees = false;
        var number = 0;
        while (csv.Read() is { } row)
        {
            number++;
            if (row.Count == 1 && row[0].Length == 0)
            {
                number--;
                continue;
            }

            if (number > options.MaxFeatures)
            {
                throw new BoundaryFileException(source, csv.RecordLine, number, $"more than {options.MaxFeatures} rows (MaxFeatures)");
            }

            if (row.Count != header.Count)
            {
                throw new BoundaryFileException(source, csv.RecordLine, number, $"the row has {row.Count} fields but the header has {header.Count}");
            }

            var (geometry, srid) = ParseGeometry(row[geometryColumn], wkb, wkt, source, csv.RecordLine, number, options.MaxNestingDepth);
            if (srid is > 0)
            {
                sridDisagrees |= declaredSrid is not null && declaredSrid != srid;
                declaredSrid ??= srid;
            }

            var values = row;
            features.Add(new RawFeature(number, csv.RecordLine, name => columns.TryGetValue(name, out var i) ? values[i] : null, geometry));
        }

        if (sridDisagrees)
        {
            throw new BoundaryFileException(source, null, null, "rows carry different SRID tags; a boundary file must be in one CRS");
        }

        return new RawSource(source, "CSV", header, features, declaredSrid, declaredSrid is null ? null : $"SRID {declaredSrid.Value.ToString(CultureInfo.InvariantCulture)} in the (E)WKB/EWKT");
    }

    private static (Geometry? Geometry, int? Srid) ParseGeometry(string value, WKBReader wkb, WKTReader wkt, string source, int line, int number, int maxDepth)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        try
        {
            if (IsHex(text))
            {
                var bytes = Convert.FromHexString(text);
                if (GeometryGuards.CheckWkb(bytes, maxDepth) is { } wkbProblem)
                {
                    throw new BoundaryFileException(source, line, number, $"the geometry '{text[..Math.Min(text.Length, 40)]}…' is neither valid WKT nor hex WKB: {wkbProblem}");
                }

                var g = wkb.Read(bytes);
                return (g, g.SRID > 0 ? g.SRID : null);
            }

            int? srid = null;
            if (text.StartsWith("SRID=", StringComparison.OrdinalIgnoreCase))
            {
                var semicolon = text.IndexOf(';', StringComparison.Ordinal);
                if (semicolon < 0 || !int.TryParse(text.AsSpan(5, semicolon - 5), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    throw new FormatException("malformed SRID=n; prefix");
                }

                srid = parsed;
                text = text[(semicolon + 1)..];
            }

            if (GeometryGuards.CheckWktDepth(text, maxDepth) is { } wktProblem)
            {
                throw new BoundaryFileException(source, line, number, wktProblem);
            }

            return (wkt.Read(text), srid);
        }
        catch (Exception ex) when (ex is ParseException or FormatException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or EndOfStreamException)
        {
            var excerpt = text.Length > 40 ? text[..40] + "…" : text;
            // Some NetTopologySuite parse errors carry a whole stack trace in their message: the first line says what was wrong.
            throw new BoundaryFileException(source, line, number, $"the geometry '{excerpt}' is neither valid WKT nor hex WKB: {ParseProblem(ex)}", ex);
        }
    }

    /// <summary>
    /// A parser's complaint fit for a user: the first line only (some NetTopologySuite messages carry a stack trace)
    /// and without the type names some of them start with.
    /// </summary>
    internal static string ParseProblem(Exception ex)
    {
        var reason = ex.Message.AsSpan().Trim();
        var end = reason.IndexOfAny('\r', '\n');
        var text = (end < 0 ? reason : reason[..end]).ToString();
        foreach (var prefix in new[] { "NetTopologySuite.IO.ParseException:", "System.FormatException:", "System.ArgumentException:" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..].Trim();
            }
        }

        var parameter = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? text : text[..parameter];
    }

    private static bool IsHex(string text)
    {
        if (text.Length % 2 != 0 || text.Length < 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
