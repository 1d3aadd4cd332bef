using System.Runtime.CompilerServices;

namespace LocalGov.Boundaries.Resolving;

/// <summary>
/// Lets one read answer every layer. The grid with the most cells (the primary, usually parishes) keeps its cells,
/// but each of its pure cells holds a row number into <see cref="Rows"/>: one answer per layer for the whole cell
/// square, or <see cref="LookUp"/> for a layer whose boundary crosses the square. A mixed primary cell may have a
/// row too (its own layer's entry <see cref="LookUp"/>), in a marker word -(row + 1) before its runs, read with the
/// runs. Layers nest far more often than not (a parish lies in one district, one county), so most lookups need no
/// read of the other layers' grids.
/// </summary>
/// <remarks>
/// Made from the layers' grids alone when a resolver is built (or a version 2 file loaded), and saved in the index
/// file from version 3. A layer's answer over a square is recorded only where it is certain: every cell of that
/// layer the square touches is pure with one owner, or mixed with none of its edges within a small margin of the
/// square, and all agree. Anything else is <see cref="LookUp"/>, answered by that layer's own grid, so the rows
/// are exact by construction.
/// </remarks>
internal sealed class LayerDirectory
{
    /// <summary>A row entry that says: this layer's boundary may cross the cell; ask its grid.</summary>
    public const int LookUp = int.MinValue;

    // A primary cell overlapping more of another layer's cells than this is left to that layer (a finer layer).
    private const int MaxCellsPerSquare = 16;

    private LayerDirectory(int primary, int layerCount, int[] rows, GridIndex[] grids)
    {
        Primary = primary;
        LayerCount = layerCount;
        Rows = rows;
        Grids = grids;
    }

    /// <summary>The layer whose grid holds the row numbers.</summary>
    public int Primary { get; }

    public int LayerCount { get; }

    /// <summary>Row r, layer l at <c>r * LayerCount + l</c>: an area index, -1 for none, or <see cref="LookUp"/>.</summary>
    public int[] Rows { get; }

    /// <summary>The layers' grids, the primary's replaced by one whose pure cells hold row numbers (it still answers its own layer alone).</summary>
    public GridIndex[] Grids { get; }

    public long Bytes => Rows.LongLength * sizeof(int);

    /// <summary>The row of a pure primary cell holding (x, y), or -1 (a mixed cell, or outside the primary grid): reads only the cell word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PureRowOf(double x, double y)
    {
        var grid = Grids[Primary];
        var cell = grid.CellOf(x, y);
        return cell >= 0 ? Math.Max(grid.Cells[cell], -1) : -1;
    }

    /// <summary>The row of the primary cell holding (x, y), pure or mixed with a row marker, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RowOf(double x, double y)
    {
        var grid = Grids[Primary];
        var cell = grid.CellOf(x, y);
        if (cell < 0)
        {
            return -1;
        }

        return RowOfWord(grid.Cells[cell]);
    }

    /// <summary>The row of the primary cell whose word this is (its row number, or a mixed cell's marker), or -1 (none, or outside the grid).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RowOfWord(int word)
    {
        if (word >= 0)
        {
            return word;
        }

        var marker = word <= -2 ? Grids[Primary].CellData[-word - 2] : 0;
        return marker < 0 ? -marker - 1 : -1;
    }

    /// <summary>The directory over these grids, or null when there is only one layer (or the primary is empty).</summary>
    public static LayerDirectory? Over(GridIndex[] grids)
    {
        if (grids.Length < 2)
        {
            return null;
        }

        var primary = 0;
        for (var l = 1; l < grids.Length; l++)
        {
            if ((long)grids[l].Nx * grids[l].Ny > (long)grids[primary].Nx * grids[primary].Ny)
            {
                primary = l;
            }
        }

        var grid = grids[primary];
        if (grid.Owners is not null || grid.VertexCount == 0)
        {
            return null;
        }

        var layers = grids.Length;
        var cells = grid.Cells;
        var rowCells = new int[cells.Length];

        // Mixed cells get a row too (the primary's own entry left to its grid) where another layer is certain and its
        // grid would have cost a read (a point outside a grid costs none); the row goes in a marker word before the
        // cell's runs, since the cell word holds the runs' offset.
        var markers = new int[cells.Length];
        var rows = new List<int>();
        var index = new Dictionary<int[], int>(RowComparer.Instance);
        var row = new int[layers];
        var last = new int[layers];
        var lastId = -1;
        for (var cy = 0; cy < grid.Ny; cy++)
        {
            var y0 = grid.OriginY + (cy * grid.CellSize);
            for (var cx = 0; cx < grid.Nx; cx++)
            {
                var c = (cy * grid.Nx) + cx;
                var own = cells[c];
                var x0 = grid.OriginX + (cx * grid.CellSize);
                var margin = grid.CellSize * 1e-6;
                var square = new Square(x0 - margin, y0 - margin, x0 + grid.CellSize + margin, y0 + grid.CellSize + margin);
                var anyCertain = false;
                for (var l = 0; l < layers; l++)
                {
                    row[l] = l == primary ? (own <= -2 ? LookUp : own) : AnswerOver(grids[l], square);
                    anyCertain |= l != primary && row[l] != LookUp && !Outside(grids[l], square);
                }

                if (own <= -2 && !anyCertain)
                {
                    rowCells[c] = own;
                    continue;
                }

                // Neighbouring cells mostly share a row: only a change needs the dictionary.
                if (lastId < 0 || !row.AsSpan().SequenceEqual(last))
                {
                    if (!index.TryGetValue(row, out lastId))
                    {
                        lastId = index.Count;
                        var copy = (int[])row.Clone();
                        index.Add(copy, lastId);
                        rows.AddRange(copy);
                    }

                    row.CopyTo(last, 0);
                }

                if (own <= -2)
                {
                    rowCells[c] = own;
                    markers[c] = -lastId - 1;
                }
                else
                {
                    rowCells[c] = lastId;
                }
            }
        }

        var data = Relaid(rowCells, grid.CellData, markers);
        return Over(primary, [.. rows], grids, rowCells, data);
    }

    /// <summary>The directory read from an index file: the primary grid's cells and cell data already hold rows and markers (checked by the reader).</summary>
    public static LayerDirectory From(int primary, int[] rows, GridIndex[] grids) => Over(primary, rows, grids, grids[primary].Cells, grids[primary].CellData);

    /// <summary>The primary grid as a grid without a directory holds it (owners in its cells, no row markers): what a version 2 file holds.</summary>
    public GridIndex PlainPrimary()
    {
        var grid = Grids[Primary];
        var cells = (int[])grid.Cells.Clone();
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c] >= 0)
            {
                cells[c] = grid.Owners![cells[c]];
            }
        }

        var data = Relaid(cells, grid.CellData, new int[cells.Length]);
        return new GridIndex(grid.OriginX, grid.OriginY, grid.CellSize, grid.Nx, grid.Ny, cells, data, grid.Points, grid.VertexCount, grid.MixedCells);
    }

    /// <summary>
    /// Copies every mixed cell's data in cell order, dropping any row marker it had and putting <paramref name="markers"/>[c]
    /// (when not 0) before it, and points the cell words (updated in place) at the copies.
    /// </summary>
    private static int[] Relaid(int[] cells, int[] data, int[] markers)
    {
        var copied = new List<int>(data.Length + 1024);
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c] > -2)
            {
                continue;
            }

            var p = -cells[c] - 2;
            if (data[p] < 0)
            {
                p++;
            }

            cells[c] = -copied.Count - 2;
            if (markers[c] != 0)
            {
                copied.Add(markers[c]);
            }

            var start = p;
            var runs = data[p++];
            for (var r = 0; r < runs; r++)
            {
                p += 2 + (2 * (data[p + 1] >> 1));
            }

            copied.AddRange(data.AsSpan(start, p - start));
        }

        return copied.ToArray();
    }

    private static LayerDirectory Over(int primary, int[] rows, GridIndex[] grids, int[] rowCells, int[] cellData)
    {
        var layers = grids.Length;
        var owners = new int[rows.Length / layers];
        for (var r = 0; r < owners.Length; r++)
        {
            owners[r] = rows[(r * layers) + primary];
        }

        var replaced = (GridIndex[])grids.Clone();
        replaced[primary] = grids[primary].WithRows(rowCells, cellData, owners);
        return new LayerDirectory(primary, layers, rows, replaced);
    }

    /// <summary>Whether the square lies wholly outside the grid, where a lookup reads nothing.</summary>
    private static bool Outside(GridIndex grid, in Square square) =>
        square.MaxX < grid.OriginX || square.MaxY < grid.OriginY ||
        square.MinX > grid.OriginX + (grid.Nx * grid.CellSize) || square.MinY > grid.OriginY + (grid.Ny * grid.CellSize);

    /// <summary>The one answer of <paramref name="grid"/>'s layer everywhere in the square, or <see cref="LookUp"/> when it is not certain.</summary>
    private static int AnswerOver(GridIndex grid, in Square square)
    {
        var fx0 = Math.Floor((square.MinX - grid.OriginX) * grid.InverseCellSize);
        var fy0 = Math.Floor((square.MinY - grid.OriginY) * grid.InverseCellSize);
        var fx1 = Math.Floor((square.MaxX - grid.OriginX) * grid.InverseCellSize);
        var fy1 = Math.Floor((square.MaxY - grid.OriginY) * grid.InverseCellSize);
        if (fx1 < 0 || fy1 < 0 || fx0 >= grid.Nx || fy0 >= grid.Ny)
        {
            // Wholly outside the grid, which has a margin around every area of its layer.
            return GridIndex.None;
        }

        var partlyOutside = fx0 < 0 || fy0 < 0 || fx1 >= grid.Nx || fy1 >= grid.Ny;
        var ix0 = (int)Math.Max(fx0, 0);
        var iy0 = (int)Math.Max(fy0, 0);
        var ix1 = (int)Math.Min(fx1, grid.Nx - 1);
        var iy1 = (int)Math.Min(fy1, grid.Ny - 1);
        if ((long)(ix1 - ix0 + 1) * (iy1 - iy0 + 1) > MaxCellsPerSquare)
        {
            return LookUp;
        }

        var answer = partlyOutside ? GridIndex.None : LookUp;
        for (var iy = iy0; iy <= iy1; iy++)
        {
            for (var ix = ix0; ix <= ix1; ix++)
            {
                var here = AnswerInCell(grid, ix, iy, square);
                if (here == LookUp || (answer != LookUp && here != answer))
                {
                    return LookUp;
                }

                answer = here;
            }
        }

        return answer;
    }

    private static int AnswerInCell(GridIndex grid, int ix, int iy, in Square square)
    {
        var v = grid.Cells[(iy * grid.Nx) + ix];
        if (v >= GridIndex.None)
        {
            return v;
        }

        var data = grid.CellData;
        var points = grid.Points;
        var p = -v - 2;
        var runs = GridIndex.RunCount(data, ref p);
        for (var r = 0; r < runs; r++)
        {
            var chains = data[p + 1] >> 1;
            p += 2;
            for (var k = 0; k < chains; k++)
            {
                if (ChainMeets(points, data[p], data[p + 1], square))
                {
                    return LookUp;
                }

                p += 2;
            }
        }

        // No edge of the layer comes near the square's part of this cell: one answer holds there; ask at its middle.
        var cellX = grid.OriginX + (ix * grid.CellSize);
        var cellY = grid.OriginY + (iy * grid.CellSize);
        var x = (Math.Max(square.MinX, cellX) + Math.Min(square.MaxX, cellX + grid.CellSize)) / 2;
        var y = (Math.Max(square.MinY, cellY) + Math.Min(square.MaxY, cellY + grid.CellSize)) / 2;
        return grid.Locate(x, y);
    }

    /// <summary>Whether any edge of the chain may touch the square (a separating-axis test; near misses count as touching).</summary>
    private static bool ChainMeets(double[] points, int start, int count, in Square square)
    {
        var i = start * 2;
        var end = i + (count * 2);
        for (; i + 2 < end; i += 2)
        {
            if (SegmentMeets(points[i], points[i + 1], points[i + 2], points[i + 3], square))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SegmentMeets(double ax, double ay, double bx, double by, in Square s)
    {
        if (Math.Max(ax, bx) < s.MinX || Math.Min(ax, bx) > s.MaxX || Math.Max(ay, by) < s.MinY || Math.Min(ay, by) > s.MaxY)
        {
            return false;
        }

        // The square's corners all strictly on one side of the edge's line: no contact. The square already has a
        // margin far above the rounding of these products, so a near miss is never taken for a clear one.
        var dx = bx - ax;
        var dy = by - ay;
        var c1 = (dx * (s.MinY - ay)) - (dy * (s.MinX - ax));
        var c2 = (dx * (s.MinY - ay)) - (dy * (s.MaxX - ax));
        var c3 = (dx * (s.MaxY - ay)) - (dy * (s.MinX - ax));
        var c4 = (dx * (s.MaxY - ay)) - (dy * (s.MaxX - ax));
        return !((c1 > 0 && c2 > 0 && c3 > 0 && c4 > 0) || (c1 < 0 && c2 < 0 && c3 < 0 && c4 < 0));
    }

    private readonly record struct Square(double MinX, double MinY, double MaxX, double MaxY);

    private sealed class RowComparer : IEqualityComparer<int[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(int[]? a, int[]? b) => a.AsSpan().SequenceEqual(b);

        public int GetHashCode(int[] row)
        {
            var hash = default(HashCode);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(row.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
