using System.Runtime.InteropServices;
using System.Text;

namespace LocalGov.Boundaries.Resolving;

/// <summary>
/// The binary index file: "LGBNDIDX", format version, then the payload (CRS, layer names and kinds, areas, from
/// version 3 the layer directory, then one grid per layer as raw little-endian arrays), then a 64-bit checksum of
/// everything before it, and nothing after.
/// </summary>
internal static class IndexFile
{
    /// <summary>
    /// Version 3: version 2 with the <see cref="LayerDirectory"/> (the primary layer's index and the rows; that layer's
    /// pure cells hold row numbers), so loading need not make it. Version 2 (named layers, exact edges) still loads,
    /// making the directory as it goes; version 1 held a parish grid and an optional district grid.
    /// </summary>
    public const int FormatVersion = 3;

    private const int OldestReadableVersion = 2;
    private const int MaxLayers = 1024;
    private static readonly byte[] Magic = "LGBNDIDX"u8.ToArray();

    public static void Write(Stream stream, BoundaryResolver resolver) => Write(stream, resolver, FormatVersion);

    /// <summary>Writes the index in <paramref name="version"/> (2 or 3; 2 only so that tests can make the files an older release wrote).</summary>
    internal static void Write(Stream stream, BoundaryResolver resolver, int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, OldestReadableVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, FormatVersion);
        ArgumentNullException.ThrowIfNull(stream);
        RequireLittleEndian();
        var hashed = new ChecksumStream(stream);
        using (var writer = new BinaryWriter(hashed, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(version);
            writer.Write((int)resolver.Crs);
            writer.Write(resolver.LayerCount);
            for (var l = 0; l < resolver.LayerCount; l++)
            {
                writer.Write(resolver.LayerNames[l]);
                writer.Write((byte)resolver.LayerKinds[l]);
            }

            writer.Write(resolver.Areas.Count);
            foreach (var area in resolver.Areas)
            {
                writer.Write(area.Code);
                writer.Write(area.Name);
                writer.Write(area.ParentCode is not null);
                writer.Write(area.ParentCode ?? string.Empty);
                writer.Write((byte)area.Kind);
            }

            var directory = resolver.Directory;
            if (version >= 3)
            {
                writer.Write(directory?.Primary ?? -1);
                if (directory is not null)
                {
                    WriteArray(writer, directory.Rows);
                }
            }

            // Version 2 has no directory: its primary grid is written as it was before the directory was made.
            var plain = version < 3 ? directory?.PlainPrimary() : null;
            for (var l = 0; l < resolver.LayerCount; l++)
            {
                WriteGrid(writer, plain is not null && l == directory!.Primary ? plain : resolver.Grids[l]);
            }

            writer.Flush();
        }

        Span<byte> checksum = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(checksum, hashed.Checksum);
        stream.Write(checksum);
        stream.Flush();
    }

    public static BoundaryResolver Read(Stream stream, string source, BoundaryResolverOptions options)
    {
        RequireLittleEndian();
        var hashed = new ChecksumStream(stream);
        try
        {
            using var reader = new BinaryReader(hashed, Encoding.UTF8, leaveOpen: true);
            var magic = reader.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic))
            {
                throw new BoundaryIndexFileException($"{source} is not a LocalGov.Boundaries index file (it does not start with LGBNDIDX).");
            }

            var version = reader.ReadInt32();
            if (version == 1)
            {
                throw new BoundaryIndexFileException(
                    $"{source} is an index file of format version 1 (parish and district only, with the half-open edge rule); this version of LocalGov.Boundaries reads version {FormatVersion} (named layers, exact edges). " +
                    "Rebuild it from the boundary files with 'localgov boundaries index'.");
            }

            if (version is < OldestReadableVersion or > FormatVersion)
            {
                throw new BoundaryIndexFileException(
                    $"{source} is an index file of format version {version}; this version of LocalGov.Boundaries reads versions {OldestReadableVersion} to {FormatVersion}. Rebuild the index with 'localgov boundaries index'.");
            }

            var crs = (BoundaryCrs)reader.ReadInt32();
            if (crs is not (BoundaryCrs.BritishNationalGrid or BoundaryCrs.Wgs84))
            {
                throw Corrupt(source, $"unknown CRS {(int)crs}");
            }

            var layerCount = reader.ReadInt32();
            if (layerCount is < 1 or > MaxLayers)
            {
                throw Corrupt(source, $"implausible layer count {layerCount}");
            }

            var names = new string[layerCount];
            var kinds = new AreaKind[layerCount];
            for (var l = 0; l < layerCount; l++)
            {
                names[l] = reader.ReadString();
                kinds[l] = (AreaKind)reader.ReadByte();
                if (string.IsNullOrWhiteSpace(names[l]) || Array.FindIndex(names, 0, l, n => string.Equals(n, names[l], StringComparison.OrdinalIgnoreCase)) >= 0)
                {
                    throw Corrupt(source, "an empty or repeated layer name");
                }
            }

            var count = reader.ReadInt32();
            if (count < 0 || count > 10_000_000)
            {
                throw Corrupt(source, $"implausible area count {count}");
            }

            var areas = new BoundaryArea[count];
            for (var i = 0; i < count; i++)
            {
                var code = reader.ReadString();
                var name = reader.ReadString();
                var hasParent = reader.ReadBoolean();
                var parent = reader.ReadString();
                var kind = (AreaKind)reader.ReadByte();
                areas[i] = new BoundaryArea { Code = code, Name = name, ParentCode = hasParent ? parent : null, Kind = kind };
            }

            var (primary, rows) = version >= 3 ? ReadDirectory(reader, stream, source, layerCount, count) : (-1, []);
            var grids = new GridIndex[layerCount];
            for (var l = 0; l < layerCount; l++)
            {
                grids[l] = ReadGrid(reader, stream, source, count, l == primary ? rows.Length / layerCount : -1, markerRow => rows[(markerRow * layerCount) + primary] == LayerDirectory.LookUp);
            }

            var expected = hashed.Checksum;
            Span<byte> checksum = stackalloc byte[8];
            stream.ReadExactly(checksum);
            if (System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(checksum) != expected)
            {
                throw Corrupt(source, "the checksum does not match the content");
            }

            // An index is a whole file: bytes after it mean a concatenation or a damaged copy, not an index to trust.
            var trailing = stream.CanSeek ? stream.Length - stream.Position : (stream.ReadByte() < 0 ? 0 : 1);
            if (trailing > 0)
            {
                throw new BoundaryIndexFileException(
                    $"{source} has {(stream.CanSeek ? $"{trailing} byte(s)" : "bytes")} after the end of a valid index; it is not a single index file. Rebuild it with 'localgov boundaries index'.");
            }

            return new BoundaryResolver(crs, names, kinds, areas, grids, options, primary >= 0 ? LayerDirectory.From(primary, rows, grids) : null);
        }
        catch (EndOfStreamException ex)
        {
            throw new BoundaryIndexFileException($"{source} is truncated: the index file ends early.", ex);
        }
        catch (Exception ex) when (ex is IOException or OutOfMemoryException or FormatException or DecoderFallbackException or OverflowException or ArgumentException)
        {
            throw new BoundaryIndexFileException($"{source} cannot be read as an index file: {ex.Message}", ex);
        }
    }

    private static void WriteGrid(BinaryWriter writer, GridIndex grid)
    {
        writer.Write(grid.OriginX);
        writer.Write(grid.OriginY);
        writer.Write(grid.CellSize);
        writer.Write(grid.Nx);
        writer.Write(grid.Ny);
        writer.Write(grid.VertexCount);
        writer.Write(grid.MixedCells);
        WriteArray(writer, grid.Cells);
        WriteArray(writer, grid.CellData);
        WriteArray(writer, grid.Points);
    }

    /// <summary>The directory section: the primary layer (-1: none) and its rows, each entry checked (an area, -1, or look-up; the grid's reader checks which rows its cells may use).</summary>
    private static (int Primary, int[] Rows) ReadDirectory(BinaryReader reader, Stream file, string source, int layerCount, int areaCount)
    {
        var primary = reader.ReadInt32();
        if (primary < 0)
        {
            return primary == -1 ? (-1, []) : throw Corrupt(source, "an implausible layer directory");
        }

        var rows = ReadArray<int>(reader, file, source);
        if (primary >= layerCount || layerCount < 2 || rows.Length == 0 || rows.Length % layerCount != 0)
        {
            throw Corrupt(source, "an implausible layer directory");
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var v = rows[i];
            if (v != LayerDirectory.LookUp && (v < GridIndex.None || v >= areaCount))
            {
                throw Corrupt(source, "a directory row refers outside the index");
            }
        }

        return (primary, rows);
    }

    /// <summary>
    /// Reads a grid; <paramref name="rowCount"/> &gt;= 0 where its pure cells hold directory row numbers instead of
    /// areas, and <paramref name="mixedRow"/> tells a mixed cell's row (its primary entry is look-up) from a pure cell's.
    /// </summary>
    private static GridIndex ReadGrid(BinaryReader reader, Stream file, string source, int areaCount, int rowCount, Func<int, bool> mixedRow)
    {
        var originX = reader.ReadDouble();
        var originY = reader.ReadDouble();
        var size = reader.ReadDouble();
        var nx = reader.ReadInt32();
        var ny = reader.ReadInt32();
        var vertices = reader.ReadInt64();
        var mixed = reader.ReadInt64();
        if (!(size > 0) || !double.IsFinite(originX) || !double.IsFinite(originY) || nx <= 0 || ny <= 0 || (long)nx * ny > int.MaxValue)
        {
            throw Corrupt(source, "implausible grid header");
        }

        var cells = ReadArray<int>(reader, file, source);
        var data = ReadArray<int>(reader, file, source);
        var points = ReadArray<double>(reader, file, source);
        if (cells.Length != nx * ny)
        {
            throw Corrupt(source, "the cell array does not match the grid size");
        }

        // Bounds are checked once here so that queries can trust every offset they follow.
        var pureLimit = rowCount >= 0 ? rowCount : areaCount;
        var lowest = rowCount >= 0 ? 0 : GridIndex.None;
        foreach (var v in cells)
        {
            if (v >= pureLimit || (v < lowest && v > -2) || (v <= -2 && -v - 2 >= data.Length))
            {
                throw Corrupt(source, "a cell refers outside the index");
            }

            if (rowCount >= 0 && v >= 0 && mixedRow(v))
            {
                // A pure cell's row must answer the primary layer itself.
                throw Corrupt(source, "a directory row refers outside the index");
            }
        }

        ValidateCellData(data, points.Length / 2, areaCount, rowCount, mixedRow, source);
        return new GridIndex(originX, originY, size, nx, ny, cells, data, points, vertices, mixed);
    }

    private static void ValidateCellData(int[] data, int pointCount, int areaCount, int rowCount, Func<int, bool> mixedRow, string source)
    {
        var p = 0;
        while (p < data.Length)
        {
            var runs = data[p++];
            if (runs < 0)
            {
                // A row marker, only in the directory's primary grid, for a mixed cell's row, and followed by the runs.
                var row = -(long)runs - 1;
                if (row >= rowCount || !mixedRow((int)row) || p >= data.Length)
                {
                    throw Corrupt(source, "a directory row refers outside the index");
                }

                runs = data[p++];
                if (runs < 0)
                {
                    throw Corrupt(source, "a run refers outside the index");
                }
            }

            for (var r = 0; r < runs; r++)
            {
                if (p + 2 > data.Length || data[p] < 0 || data[p] >= areaCount)
                {
                    throw Corrupt(source, "a run refers outside the index");
                }

                var chains = data[p + 1] >> 1;
                p += 2;
                for (var k = 0; k < chains; k++)
                {
                    if (p + 2 > data.Length || data[p] < 0 || data[p + 1] < 1 || (long)data[p] + data[p + 1] > pointCount)
                    {
                        throw Corrupt(source, "a chain refers outside the index");
                    }

                    p += 2;
                }
            }
        }
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] array)
        where T : unmanaged
    {
        writer.Write(array.Length);
        writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader, Stream file, string source)
        where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > Array.MaxLength)
        {
            throw Corrupt(source, "implausible array length");
        }

        // A corrupt length must not make us allocate gigabytes before the read fails.
        if (file.CanSeek && file.Length - file.Position < (long)length * Marshal.SizeOf<T>())
        {
            throw new EndOfStreamException();
        }

        var array = GC.AllocateUninitializedArray<T>(length);
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }

    private static BoundaryIndexFileException Corrupt(string source, string problem) =>
        new($"{source} is corrupt: {problem}. Rebuild the index with 'localgov boundaries index'.");

    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Index files are little-endian; this platform is big-endian.");
        }
    }
}
