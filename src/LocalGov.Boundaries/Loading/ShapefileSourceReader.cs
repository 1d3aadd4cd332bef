using NetTopologySuite.IO.Esri;

namespace LocalGov.Boundaries.Loading;

/// <summary>Reads an ESRI Shapefile (.shp with .shx/.dbf, and the .prj when present for the declared CRS).</summary>
internal static class ShapefileSourceReader
{
    public static RawSource Read(string path)
    {
        NetTopologySuite.Features.Feature[] features;
        try
        {
            // Shapes are read as they are; invalid ones are repaired (and reported) like those of every other format.
            features = Shapefile.ReadAllFeatures(path, new NetTopologySuite.IO.Esri.Shapefiles.Readers.ShapefileReaderOptions { GeometryBuilderMode = NetTopologySuite.IO.Esri.Shapefiles.Readers.GeometryBuilderMode.IgnoreInvalidShapes });
        }
        catch (Exception ex) when (ex is ShapefileException or IOException or InvalidDataException or ArgumentException or NotSupportedException or IndexOutOfRangeException or InvalidOperationException)
        {
            if (ex is FileNotFoundException)
            {
                throw;
            }

            throw new BoundaryFileException(path, null, null, $"unreadable shapefile: {ex.Message}", ex);
        }

        var prjPath = Path.ChangeExtension(path, ".prj");
        int? srid = null;
        string? declared = null;
        if (File.Exists(prjPath))
        {
            var prj = File.ReadAllText(prjPath);
            declared = $".prj {(prj.Length > 60 ? prj[..60] + "…" : prj)}";
            srid = prj.Contains("British_National_Grid", StringComparison.OrdinalIgnoreCase) || prj.Contains("OSGB", StringComparison.OrdinalIgnoreCase) || prj.Contains("27700", StringComparison.Ordinal)
                ? 27700
                : prj.StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase) && prj.Contains("WGS", StringComparison.OrdinalIgnoreCase) && prj.Contains("1984", StringComparison.Ordinal)
                    ? 4326
                    : -1;
        }

        var raw = features.Select((f, i) => new RawFeature(i + 1, null, AttributeLookup.For(f.Attributes), f.Geometry)).ToList();
        return new RawSource(path, "Shapefile", AttributeLookup.Names(features), raw, srid, declared);
    }
}
