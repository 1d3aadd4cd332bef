using System.Buffers.Binary;
using System.Globalization;
using NetTopologySuite.IO.Esri;

namespace LocalGov.Boundaries.Loading;

/// <summary>Reads an ESRI Shapefile (.shp with .shx/.dbf, and the .prj when present for the declared CRS).</summary>
internal static class ShapefileSourceReader
{
    public static RawSource Read(string path, BoundaryLoadOptions options)
    {
        // NetTopologySuite allocates whatever a record's counts say and stops quietly at a cut-off file, so both
        // files are walked first: every count is checked against the bytes that remain, and the record counts must agree.
        var records = CheckShp(path, options.MaxFeatures);
        CheckDbf(path, records);
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

        if (features.Length != records)
        {
            throw new BoundaryFileException(path, null, Math.Min(features.Length, records) + 1, $"the .shp has {records} records but only {features.Length} could be read");
        }

        var prjPath = Path.ChangeExtension(path, ".prj");
        int? srid = null;
        string? declared = null;
        if (File.Exists(prjPath))
        {
            var prj = ReadPrj(prjPath);
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

    private static string ReadPrj(string path)
    {
        // A .prj is one line of WKT; only its start is looked at, so a huge one is not read whole.
        using var reader = new StreamReader(path);
        var buffer = new char[64 * 1024];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    /// <summary>The number of records in the .shp, after checking each record's lengths and counts against the bytes that remain.</summary>
    private static int CheckShp(string path, int maxFeatures)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        var actual = stream.Length;
        Span<byte> header = stackalloc byte[100];
        if (stream.ReadAtLeast(header, 100, throwOnEndOfStream: false) < 100 || BinaryPrimitives.ReadInt32BigEndian(header) != 9994)
        {
            throw new BoundaryFileException(path, null, null, "not a shapefile: the .shp has no 100-byte header starting with file code 9994");
        }

        var declared = BinaryPrimitives.ReadInt32BigEndian(header[24..]) * 2L;
        if (declared > actual)
        {
            throw new BoundaryFileException(path, null, null, $"the .shp is truncated: its header says {declared.ToString(CultureInfo.InvariantCulture)} bytes but the file has {actual.ToString(CultureInfo.InvariantCulture)}");
        }

        var end = declared;
        var position = 100L;
        var number = 0;
        Span<byte> record = stackalloc byte[52];
        while (position < end)
        {
            number++;
            if (number > maxFeatures)
            {
                throw new BoundaryFileException(path, null, number, $"the .shp has more than {maxFeatures} records (MaxFeatures)");
            }

            stream.Position = position;
            var got = stream.ReadAtLeast(record, record.Length, throwOnEndOfStream: false);
            if (got < 12 || end - position < 12)
            {
                throw new BoundaryFileException(path, null, number, "the .shp ends inside this record's header (the file is truncated)");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(record[4..]) * 2L;
            var left = end - position - 8;
            if (length < 4 || length > left)
            {
                throw new BoundaryFileException(path, null, number, $"the record says it is {length.ToString(CultureInfo.InvariantCulture)} bytes long but {left.ToString(CultureInfo.InvariantCulture)} remain (the file is truncated or damaged)");
            }

            var shapeType = BinaryPrimitives.ReadInt32LittleEndian(record[8..]);
            var problem = CheckShape(record[8..got], shapeType, length);
            if (problem is not null)
            {
                throw new BoundaryFileException(path, null, number, problem);
            }

            position += 8 + length;
        }

        return number;
    }

    private static string? CheckShape(ReadOnlySpan<byte> content, int shapeType, long length)
    {
        // Z and M types follow X/Y with a range and one value a point (and Z types may add an M range and values).
        long perPoint = shapeType is 11 or 13 or 15 or 18 or 21 or 23 or 25 or 28 or 31 ? 24 : 16;
        var extra = perPoint == 24 ? 16 : 0;
        switch (shapeType)
        {
            case 0:
                return null;
            case 1 or 11 or 21:
                return length < 20 ? $"a point record of {length} bytes is too short" : null;
            case 8 or 18 or 28:
            {
                if (content.Length < 40 || length < 40)
                {
                    return "the multipoint record is too short for its header";
                }

                var points = BinaryPrimitives.ReadInt32LittleEndian(content[36..]);
                var need = 40 + (points * perPoint) + extra;
                return points < 0 || need > length ? $"numPoints says {points} (needing {need} bytes) but the record is {length} bytes" : null;
            }

            case 3 or 5 or 13 or 15 or 23 or 25 or 31:
            {
                if (content.Length < 44 || length < 44)
                {
                    return "the record is too short for its header";
                }

                var parts = BinaryPrimitives.ReadInt32LittleEndian(content[36..]);
                var points = BinaryPrimitives.ReadInt32LittleEndian(content[40..]);
                var need = 44 + (4L * parts * (shapeType == 31 ? 2 : 1)) + (points * perPoint) + extra;
                if (parts < 0 || points < 0 || need > length)
                {
                    return $"numParts says {parts} and numPoints {points} (needing {need} bytes) but the record is {length} bytes";
                }

                return null;
            }

            default:
                return $"unknown shape type {shapeType}";
        }
    }

    /// <summary>Checks the .dbf holds as many whole records as the .shp.</summary>
    private static void CheckDbf(string path, int records)
    {
        var dbf = Path.ChangeExtension(path, ".dbf");
        if (!File.Exists(dbf))
        {
            throw new BoundaryFileException(path, null, null, $"the .dbf beside it ({Path.GetFileName(dbf)}) is missing, so features would have no codes");
        }

        using var stream = File.OpenRead(dbf);
        Span<byte> header = stackalloc byte[12];
        if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12)
        {
            throw new BoundaryFileException(dbf, null, null, "the .dbf is too short for its header");
        }

        var declared = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        var recordLength = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        if (recordLength == 0)
        {
            throw new BoundaryFileException(dbf, null, null, "the .dbf header says records are 0 bytes long");
        }

        var whole = Math.Max(0, stream.Length - headerLength) / recordLength;
        if (whole < declared)
        {
            throw new BoundaryFileException(dbf, null, (int)Math.Min(whole + 1, int.MaxValue), $"the .dbf is truncated: it declares {declared} records of {recordLength} bytes but holds only {whole} whole ones");
        }

        if (declared != records)
        {
            throw new BoundaryFileException(path, null, null, $"the .shp has {records} records but the .dbf {declared}: one of them is damaged, so codes would not match shapes");
        }
    }
}
