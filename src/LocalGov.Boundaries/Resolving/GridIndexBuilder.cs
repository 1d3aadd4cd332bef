using NetTopologySuite.Geometries;

namespace LocalGov.Boundaries.Resolving;

/// <summary>Builds a <see cref="GridIndex"/> for one layer of polygonal geometries.</summary>
internal sealed class GridIndexBuilder
{
    private const int MaxCells = 1 << 27;
    private const int Attempts = 8;

    private const int MinCellsPerArea = 256;

    private readonly double[] _xs;
    private readonly double[] _ys;

    // The area index of the edge starting at each vertex, or -1 for a ring's closing vertex (no edge starts there).
    private readonly int[] _edgeArea;
    private readonly Envelope _extent = new();

    private GridIndexBuilder(double[] xs, double[] ys, int[] edgeArea)
    {
        _xs = xs;
        _ys = ys;
        _edgeArea = edgeArea;
        for (var i = 0; i < xs.Length; i++)
        {
            _extent.ExpandToInclude(xs[i], ys[i]);
        }
    }

    /// <summary>How many cells a layer's grid gets on its own (from its vertex and area counts), and over what extent.</summary>
    public static (double Cells, double ExtentArea, long Vertices) Plan(IReadOnlyList<Geometry> geometries, double cellsPerVertex)
    {
        var extent = new Envelope();
        long vertices = 0;
        foreach (var g in geometries)
        {
            extent.ExpandToInclude(g.EnvelopeInternal);
            vertices += g.NumPoints;
        }

        if (extent.IsNull)
        {
            return (0, 0, 0);
        }

        return (TargetCells(vertices, geometries.Count, cellsPerVertex, 0), Math.Max(extent.Width, 1e-9) * Math.Max(extent.Height, 1e-9), vertices);
    }

    /// <summary>The number of cells a grid aims for: cells per vertex, but enough for sparse data, at least <paramref name="minCells"/>, within the limits.</summary>
    private static double TargetCells(long vertices, int areas, double cellsPerVertex, double minCells)
    {
        // Sparse data (few vertices per area) still needs cells well below an area's size, or mixed cells hold many edges.
        var perVertex = Math.Max(cellsPerVertex, (double)MinCellsPerArea * areas / Math.Max(vertices, 1));
        return Math.Clamp(Math.Max(vertices * perVertex, minCells), 64, MaxCells / 2);
    }

    /// <summary>
    /// Builds the index. <paramref name="areaIndexes"/>[i] is the answer for <paramref name="geometries"/>[i]; where
    /// geometries overlap, the earlier wins. The grid gets at least <paramref name="minCells"/> cells (within its limits).
    /// </summary>
    public static GridIndex Build(IReadOnlyList<Geometry> geometries, IReadOnlyList<int> areaIndexes, double cellsPerVertex, double minCells = 0)
    {
        long total = 0;
        foreach (var g in geometries)
        {
            total += g.NumPoints;
        }

        if (total > int.MaxValue / 2)
        {
            throw new ArgumentException($"Too many vertices for one index ({total}).", nameof(geometries));
        }

        var xs = new double[total];
        var ys = new double[total];
        var edgeArea = new int[total];
        var n = 0;
        for (var i = 0; i < geometries.Count; i++)
        {
            var area = areaIndexes[i];
            for (var p = 0; p < geometries[i].NumGeometries; p++)
            {
                if (geometries[i].GetGeometryN(p) is not Polygon polygon || polygon.IsEmpty)
                {
                    continue;
                }

                AddRing(polygon.ExteriorRing, area);
                foreach (var hole in polygon.InteriorRings)
                {
                    AddRing(hole, area);
                }
            }
        }

        void AddRing(LineString ring, int area)
        {
            var sequence = ring.CoordinateSequence;
            for (var k = 0; k < sequence.Count; k++)
            {
                xs[n] = sequence.GetX(k);
                ys[n] = sequence.GetY(k);
                edgeArea[n] = k < sequence.Count - 1 ? area : -1;
                n++;
            }
        }

        Array.Resize(ref xs, n);
        Array.Resize(ref ys, n);
        Array.Resize(ref edgeArea, n);
        return new GridIndexBuilder(xs, ys, edgeArea).Build(TargetCells(n, geometries.Count, cellsPerVertex, minCells));
    }

    private GridIndex Build(double target)
    {
        if (_extent.IsNull)
        {
            return new GridIndex(0, 0, 1, 1, 1, [GridIndex.None], [], [], 0, 0);
        }

        var width = Math.Max(_extent.Width, 1e-9);
        var height = Math.Max(_extent.Height, 1e-9);
        var size = Math.Sqrt(width * height / target);
        size = Math.Max(size, Math.Max(width, height) / 16384);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // A cell centre too close to an edge makes its known status unreliable; shift the grid and try again.
            var originX = _extent.MinX - size + (size * 0.0731 * attempt);
            var originY = _extent.MinY - size + (size * 0.0417 * attempt);
            var nx = (int)Math.Ceiling((_extent.MaxX - originX) / size) + 2;
            var ny = (int)Math.Ceiling((_extent.MaxY - originY) / size) + 2;
            var index = TryBuild(originX, originY, size, nx, ny);
            if (index is not null)
            {
                return index;
            }
        }

        throw new InvalidOperationException("Could not place the index grid so that no cell centre lies on a boundary; the data may be degenerate.");
    }

    private GridIndex? TryBuild(double originX, double originY, double size, int nx, int ny)
    {
        var tolerance = size * 1e-7;
        var cellCount = nx * ny;
        var starts = new int[cellCount + 1];
        var visitor = new CellVisitor(originX, originY, size, nx, ny, tolerance);
        for (var e = 0; e < _xs.Length; e++)
        {
            if (_edgeArea[e] >= 0)
            {
                visitor.Visit(_xs[e], _ys[e], _xs[e + 1], _ys[e + 1], starts, null, e);
            }
        }

        var running = 0;
        for (var c = 0; c < cellCount; c++)
        {
            var count = starts[c];
            starts[c] = running;
            running += count;
        }

        starts[cellCount] = running;
        var incidences = new int[running];
        var cursor = starts.AsSpan(0, cellCount).ToArray();
        for (var e = 0; e < _xs.Length; e++)
        {
            if (_edgeArea[e] >= 0)
            {
                visitor.Visit(_xs[e], _ys[e], _xs[e + 1], _ys[e + 1], cursor, incidences, e);
            }
        }

        var index = new GridIndex(originX, originY, size, nx, ny, [], [], [], 0, 0);
        if (!CentresClearOfEdges(index, starts, incidences))
        {
            return null;
        }

        var owners = new int[cellCount];
        Array.Fill(owners, GridIndex.None);
        var centreCovered = ScanCentres(index, starts, owners);
        return Assemble(index, starts, incidences, owners, centreCovered);
    }

    private bool CentresClearOfEdges(GridIndex grid, int[] starts, int[] incidences)
    {
        for (var c = 0; c < grid.Nx * grid.Ny; c++)
        {
            if (starts[c] == starts[c + 1])
            {
                continue;
            }

            var ccx = grid.CentreX(c % grid.Nx);
            var ccy = grid.CentreY(c / grid.Nx);
            var limit = grid.CellSize * 1e-9;
            for (var k = starts[c]; k < starts[c + 1]; k++)
            {
                var e = incidences[k];
                var ex = _xs[e + 1] - _xs[e];
                var ey = _ys[e + 1] - _ys[e];
                var length = Math.Sqrt((ex * ex) + (ey * ey));
                if (length == 0)
                {
                    continue;
                }

                var o = (ex * (ccy - _ys[e])) - (ey * (ccx - _xs[e]));
                if (Math.Abs(o) <= limit * length)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Which areas cover each cell centre, by a scanline along each row of centres (half-open crossing rule). Pure cells
    /// get their owner (the first area wins an overlap); for mixed cells the (cell, area) pairs are returned sorted.
    /// </summary>
    private long[] ScanCentres(GridIndex grid, int[] starts, int[] owners)
    {
        var rows = new List<(int Area, double X)>?[grid.Ny];
        for (var e = 0; e < _xs.Length; e++)
        {
            var area = _edgeArea[e];
            if (area < 0)
            {
                continue;
            }

            double ux = _xs[e], uy = _ys[e], vx = _xs[e + 1], vy = _ys[e + 1];
            if (uy == vy)
            {
                continue;
            }

            if (uy > vy)
            {
                (ux, uy, vx, vy) = (vx, vy, ux, uy);
            }

            // Rows whose centre line y satisfies uy <= y < vy.
            var j = Math.Max(0, (int)Math.Floor(((uy - grid.OriginY) / grid.CellSize) - 0.5));
            while (j < grid.Ny && grid.CentreY(j) < uy)
            {
                j++;
            }

            for (; j < grid.Ny && grid.CentreY(j) < vy; j++)
            {
                var y = grid.CentreY(j);
                var x = ux + ((y - uy) * (vx - ux) / (vy - uy));
                (rows[j] ??= []).Add((area, x));
            }
        }

        var mixedCovered = new List<long>();
        for (var j = 0; j < grid.Ny; j++)
        {
            var row = rows[j];
            if (row is null)
            {
                continue;
            }

            row.Sort((a, b) => a.Area != b.Area ? a.Area.CompareTo(b.Area) : a.X.CompareTo(b.X));
            for (var k = 0; k + 1 < row.Count; k += 2)
            {
                var area = row[k].Area;
                var x0 = row[k].X;
                var x1 = row[k + 1].X;
                var i = Math.Max(0, (int)Math.Floor(((x0 - grid.OriginX) / grid.CellSize) - 0.5));
                while (i < grid.Nx && grid.CentreX(i) < x0)
                {
                    i++;
                }

                for (; i < grid.Nx && grid.CentreX(i) < x1; i++)
                {
                    var cell = (j * grid.Nx) + i;
                    if (starts[cell] == starts[cell + 1])
                    {
                        if (owners[cell] == GridIndex.None)
                        {
                            owners[cell] = area;
                        }
                    }
                    else
                    {
                        mixedCovered.Add(((long)cell << 32) | (uint)area);
                    }
                }
            }
        }

        var result = mixedCovered.ToArray();
        Array.Sort(result);
        return result;
    }

    private GridIndex Assemble(GridIndex grid, int[] starts, int[] incidences, int[] owners, long[] centreCovered)
    {
        var cellCount = grid.Nx * grid.Ny;
        var data = new GrowableArray<int>(incidences.Length / 2);
        var points = new GrowableArray<double>(incidences.Length * 3);
        var covered = 0;
        long mixed = 0;
        var runAreas = new List<int>();
        for (var c = 0; c < cellCount; c++)
        {
            var from = starts[c];
            var to = starts[c + 1];
            if (from == to)
            {
                continue;
            }

            mixed++;
            while (covered < centreCovered.Length && (int)(centreCovered[covered] >> 32) < c)
            {
                covered++;
            }

            var coveredFrom = covered;
            var coveredTo = covered;
            while (coveredTo < centreCovered.Length && (int)(centreCovered[coveredTo] >> 32) == c)
            {
                coveredTo++;
            }

            // The runs: every area with edges here or covering the centre, in area order (the first covering area wins).
            runAreas.Clear();
            for (var k = from; k < to; k++)
            {
                var area = _edgeArea[incidences[k]];
                if (runAreas.Count == 0 || runAreas[^1] != area)
                {
                    runAreas.Add(area);
                }
            }

            for (var k = coveredFrom; k < coveredTo; k++)
            {
                runAreas.Add((int)(uint)centreCovered[k]);
            }

            runAreas.Sort();
            owners[c] = -2 - data.Count;
            var runCountAt = data.Count;
            data.Add(0);
            var runCount = 0;
            var previous = int.MinValue;
            foreach (var area in runAreas)
            {
                if (area == previous)
                {
                    continue;
                }

                previous = area;
                runCount++;
                var coversCentre = false;
                for (var k = coveredFrom; k < coveredTo; k++)
                {
                    coversCentre |= (int)(uint)centreCovered[k] == area;
                }

                data.Add(area);
                var headerAt = data.Count;
                data.Add(0);
                var chains = 0;
                var k2 = from;
                while (k2 < to && _edgeArea[incidences[k2]] != area)
                {
                    k2++;
                }

                while (k2 < to && _edgeArea[incidences[k2]] == area)
                {
                    var first = incidences[k2];
                    var last = first;
                    k2++;
                    while (k2 < to && incidences[k2] == last + 1 && _edgeArea[incidences[k2]] == area)
                    {
                        last = incidences[k2];
                        k2++;
                    }

                    data.Add(points.Count / 2);
                    data.Add(last - first + 2);
                    for (var v = first; v <= last + 1; v++)
                    {
                        points.Add(_xs[v]);
                        points.Add(_ys[v]);
                    }

                    chains++;
                }

                data[headerAt] = (chains * 2) + (coversCentre ? 1 : 0);
            }

            data[runCountAt] = runCount;
            if (runCount == 2)
            {
                Complement(data, points, runCountAt + 1);
            }
        }

        return new GridIndex(grid.OriginX, grid.OriginY, grid.CellSize, grid.Nx, grid.Ny, owners, data.ToArray(), points.ToArray(), _xs.Length, mixed);
    }

    /// <summary>
    /// Where a cell's two runs have the same edges (their shared boundary is all either has in the cell) and only one
    /// covers the centre, every point the first run does not hold the second does: both parities are the XOR of the
    /// same per-edge crossings (a crossing depends only on the edge's two ends, in canonical order), so
    /// <c>inside₂ = ¬inside₁</c> exactly. The second run is then written with no chains and "covers the centre":
    /// a lookup walks one run instead of up to two, and the second copy of the boundary's points is not stored.
    /// </summary>
    private static void Complement(GrowableArray<int> data, GrowableArray<double> points, int firstRunAt)
    {
        var firstHeader = data[firstRunAt + 1];
        var secondRunAt = firstRunAt + 2 + ((firstHeader >> 1) * 2);
        var secondHeader = data[secondRunAt + 1];
        if ((firstHeader & 1) == (secondHeader & 1) || (firstHeader >> 1) == 0 || (secondHeader >> 1) == 0)
        {
            return;
        }

        var first = Edges(data, points, firstRunAt);
        var second = Edges(data, points, secondRunAt);
        if (!first.AsSpan().SequenceEqual(second))
        {
            return;
        }

        // The second run's chains and points are the last written: drop them.
        var secondPoints = data[secondRunAt + 2];
        data[secondRunAt + 1] = 1;
        data.Truncate(secondRunAt + 2);
        points.Truncate(secondPoints * 2);
    }

    /// <summary>A run's edges, each with its lower end first, sorted: equal lists are equal edge multisets.</summary>
    private static (double, double, double, double)[] Edges(GrowableArray<int> data, GrowableArray<double> points, int runAt)
    {
        var chains = data[runAt + 1] >> 1;
        var edges = new List<(double, double, double, double)>();
        for (var k = 0; k < chains; k++)
        {
            var start = data[runAt + 2 + (k * 2)];
            var count = data[runAt + 3 + (k * 2)];
            for (var i = start; i + 1 < start + count; i++)
            {
                var (ax, ay, bx, by) = (points[i * 2], points[(i * 2) + 1], points[(i * 2) + 2], points[(i * 2) + 3]);
                edges.Add(ay < by || (ay == by && ax < bx) ? (ax, ay, bx, by) : (bx, by, ax, ay));
            }
        }

        var sorted = edges.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Enumerates the cells an edge may touch (conservatively, with a tolerance), row by row.</summary>
    private readonly struct CellVisitor(double originX, double originY, double size, int nx, int ny, double tolerance)
    {
        public void Visit(double ax, double ay, double bx, double by, int[] cursor, int[]? fill, int edge)
        {
            var minY = Math.Min(ay, by);
            var maxY = Math.Max(ay, by);
            var r0 = Math.Clamp((int)Math.Floor((minY - tolerance - originY) / size), 0, ny - 1);
            var r1 = Math.Clamp((int)Math.Floor((maxY + tolerance - originY) / size), 0, ny - 1);
            for (var r = r0; r <= r1; r++)
            {
                var slabLow = Math.Max(minY, originY + (r * size) - tolerance);
                var slabHigh = Math.Min(maxY, originY + ((r + 1) * size) + tolerance);
                double xLow, xHigh;
                if (ay == by)
                {
                    xLow = Math.Min(ax, bx);
                    xHigh = Math.Max(ax, bx);
                }
                else
                {
                    var x0 = ax + ((slabLow - ay) * (bx - ax) / (by - ay));
                    var x1 = ax + ((slabHigh - ay) * (bx - ax) / (by - ay));
                    xLow = Math.Max(Math.Min(x0, x1), Math.Min(ax, bx));
                    xHigh = Math.Min(Math.Max(x0, x1), Math.Max(ax, bx));
                }

                var c0 = Math.Clamp((int)Math.Floor((xLow - tolerance - originX) / size), 0, nx - 1);
                var c1 = Math.Clamp((int)Math.Floor((xHigh + tolerance - originX) / size), 0, nx - 1);
                for (var c = c0; c <= c1; c++)
                {
                    var cell = (r * nx) + c;
                    if (fill is null)
                    {
                        cursor[cell]++;
                    }
                    else
                    {
                        fill[cursor[cell]++] = edge;
                    }
                }
            }
        }
    }
}
