using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NetTopologySuite.Algorithm;

namespace LocalGov.Boundaries.Resolving;

/// <summary>
/// One layer's flat cell index. A uniform grid over the layer's extent; each cell is either pure (one owner, or none,
/// answered with a single array read) or mixed: a short list of runs, one per area with edges in the cell (or covering
/// the cell's centre), each holding that area's edge chains clipped to the cell and whether the area covers the centre.
/// A query in a mixed cell counts, per run, the edges the segment from the centre to the point crosses: the parity
/// flips the centre's known status. Everything is in three arrays; a query reads them and allocates nothing.
/// </summary>
internal sealed class GridIndex
{
    public const int None = -1;

    // Shewchuk's bound for the rounding error of a 2x2 orientation determinant evaluated in doubles (with margin).
    private const double ErrorBound = 1e-15;

    public GridIndex(double originX, double originY, double cellSize, int nx, int ny, int[] cells, int[] cellData, double[] points, long vertexCount, long mixedCells, int[]? owners = null)
    {
        Owners = owners;
        OriginX = originX;
        OriginY = originY;
        CellSize = cellSize;
        InverseCellSize = 1.0 / cellSize;
        Nx = nx;
        Ny = ny;
        Cells = cells;
        CellData = cellData;
        Points = points;
        VertexCount = vertexCount;
        MixedCells = mixedCells;
    }

    public double OriginX { get; }

    public double OriginY { get; }

    public double CellSize { get; }

    public double InverseCellSize { get; }

    public int Nx { get; }

    public int Ny { get; }

    /// <summary>
    /// Per cell: &gt;= 0 the owner's area index (or, where <see cref="Owners"/> is set, a row number whose owner it
    /// gives), -1 none, &lt;= -2 mixed with its data at offset -v-2 in <see cref="CellData"/>.
    /// </summary>
    public int[] Cells { get; }

    /// <summary>Null, or, in the primary grid of a <see cref="LayerDirectory"/>, the owner (area or -1) of each row number a pure cell holds.</summary>
    public int[]? Owners { get; }

    /// <summary>
    /// Mixed cells: [runCount, then per run: area, chainCount*2 + coversCentre, then per chain: firstPoint, pointCount],
    /// in a directory's primary grid optionally preceded by a row marker -(row + 1) (see <see cref="RunCount"/>).
    /// </summary>
    public int[] CellData { get; }

    /// <summary>Chain points, x and y interleaved.</summary>
    public double[] Points { get; }

    public long VertexCount { get; }

    public long MixedCells { get; }

    public long Bytes => ((Cells.LongLength + (Owners?.LongLength ?? 0)) * sizeof(int)) + (CellData.LongLength * sizeof(int)) + (Points.LongLength * sizeof(double));

    /// <summary>
    /// The same grid with these cells and cell data: its pure cells hold row numbers mapped to owners by
    /// <paramref name="owners"/>, and a mixed cell's data may start with a row marker (a negative word, see <see cref="LayerDirectory"/>).
    /// </summary>
    public GridIndex WithRows(int[] cells, int[] cellData, int[] owners) =>
        new(OriginX, OriginY, CellSize, Nx, Ny, cells, cellData, Points, VertexCount, MixedCells, owners);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Locate(double x, double y)
    {
        var cell = CellOf(x, y);
        return cell < 0 ? None : LocateWith(Cells[cell], x, y);
    }

    /// <summary>The answer at (x, y) given the word of the cell holding it (<see cref="None"/> for a point outside the grid).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LocateWith(int word, double x, double y)
    {
        if (word >= None)
        {
            // A grid with row numbers has no -1 cells (none is a row too), so -1 can only be outside the grid.
            return word >= 0 && Owners is { } owners ? owners[word] : word;
        }

        return LocateInMixedCell(-word - 2, Truncate((x - OriginX) * InverseCellSize), Truncate((y - OriginY) * InverseCellSize), x, y);
    }

    // A batch lookup is a chain of up to three dependent reads (cell word, then the mixed cell's runs, then its
    // edges), each a likely cache miss. The batch asks for them in stages over a block of points (see IBatchSink and
    // Backlog), so by the time a point is resolved they are in cache and the misses of many points overlap, as
    // independent reads do. The stage methods take what the stage before found (the cell, its word); the
    // "pass" methods below find the cell again, for a layer other than the one the batch reads first.

    /// <summary>A batch's first stage: asks for the word of a cell (from <see cref="CellOf"/>; -1 asks for nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void PrefetchWord(int cell)
    {
        if (Sse.IsSupported && cell >= 0)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Cells), cell)));
        }
    }

    /// <summary>A batch's second stage: the word of a cell (<see cref="None"/> outside the grid), asking for a mixed cell's runs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe int WordOf(int cell)
    {
        if (cell < 0)
        {
            return None;
        }

        var v = Cells[cell];
        if (Sse.IsSupported && v <= -2)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(CellData), -v - 2)));
        }

        return v;
    }

    /// <summary>
    /// As <see cref="WordOf"/> without a branch on the word: a pure cell asks for the first line of the cell data
    /// (always in cache) instead, so the unpredictable pure-or-mixed test costs no misprediction.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe int WordAsking(int cell)
    {
        if (cell < 0)
        {
            return None;
        }

        var v = Cells[cell];
        if (Sse.IsSupported)
        {
            var at = v <= -2 ? -v - 2 : 0;
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(CellData), at)));
        }

        return v;
    }

    /// <summary>Each word's answer as if its cell were pure: the owner of a pure cell, -1 for none, outside or mixed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PureAnswers(ReadOnlySpan<int> words, Span<int> answers)
    {
        answers = answers[..words.Length];
        if (Owners is not { Length: > 0 } owners)
        {
            for (var j = 0; j < answers.Length; j++)
            {
                answers[j] = Math.Max(words[j], None);
            }

            return;
        }

        // A grid with row numbers has no -1 cells (none is a row too): every word >= 0 indexes the owners.
        for (var j = 0; j < answers.Length; j++)
        {
            var v = words[j];
            var owner = owners[v & ~(v >> 31)];
            answers[j] = v >= 0 ? owner : None;
        }
    }

    /// <summary>For another layer, first: hints the processor to fetch the cell word of a point; does nothing where prefetch is not available.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void PrefetchCell(double x, double y)
    {
        var cell = CellOf(x, y);
        if (Sse.IsSupported && cell >= 0)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Cells), cell)));
        }
    }

    /// <summary>For another layer, once the cell word is in cache: where the cell is mixed, fetch the start of its runs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void PrefetchRuns(double x, double y)
    {
        var cell = CellOf(x, y);
        if (Sse.IsSupported && cell >= 0)
        {
            var v = Cells[cell];
            if (v <= -2)
            {
                Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(CellData), -v - 2)));
            }
        }
    }

    /// <summary>For another layer, once the runs are in cache: fetch the first lines of the mixed cell's edge points (a cell's points are stored together).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchEdges(double x, double y)
    {
        var cell = CellOf(x, y);
        if (cell >= 0)
        {
            PrefetchEdgesOf(Cells[cell]);
        }
    }

    /// <summary>As <see cref="PrefetchEdges"/>, given the cell's word (a batch's third stage).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void PrefetchEdgesOf(int word)
    {
        if (!Sse.IsSupported || word > -2)
        {
            return;
        }

        // Reads are bounds-checked (an index file is only as sound as its maker); only the prefetched address is not,
        // and a prefetch never faults.
        var data = CellData;
        var p = -word - 2;
        var runs = RunCount(data, ref p);
        for (var r = 0; r < runs; r++)
        {
            var chains = data[p + 1] >> 1;
            if (chains > 0)
            {
                var first = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Points), (nint)data[p + 2] * 2));
                Sse.Prefetch0(first);
                Sse.Prefetch0(first + 64);
                Sse.Prefetch0(first + 128);
                Sse.Prefetch0(first + 192);
                return;
            }

            p += 2;
        }
    }

    /// <summary>A mixed cell's run count, stepping over the directory's row marker where there is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RunCount(int[] data, ref int p)
    {
        var runs = data[p++];
        return runs >= 0 ? runs : data[p++];
    }

    /// <summary>The cell holding (x, y), as an index into <see cref="Cells"/>, or -1 outside the grid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CellOf(double x, double y)
    {
        var fx = (x - OriginX) * InverseCellSize;
        var fy = (y - OriginY) * InverseCellSize;
        return fx >= 0 && fy >= 0 && fx < Nx && fy < Ny ? (Truncate(fy) * Nx) + Truncate(fx) : -1;
    }

    // A plain cast saturates out-of-range values and maps NaN to 0, which costs a compare and a select on each side;
    // callers have checked the range, so the bare instruction gives the same integer.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Truncate(double v) =>
        Sse2.IsSupported ? Sse2.ConvertToInt32WithTruncation(Vector128.CreateScalarUnsafe(v)) : (int)v;

    public double CentreX(int cx) => OriginX + ((cx + 0.5) * CellSize);

    public double CentreY(int cy) => OriginY + ((cy + 0.5) * CellSize);

    private int LocateInMixedCell(int offset, int cx, int cy, double x, double y)
    {
        var data = CellData;
        var points = Points;
        var ccx = CentreX(cx);
        var ccy = CentreY(cy);
        var p = offset;
        var runs = RunCount(data, ref p);
        for (var r = 0; r < runs; r++)
        {
            var area = data[p++];
            var header = data[p++];
            var chains = header >> 1;
            var inside = (header & 1) != 0;
            for (var k = 0; k < chains; k++)
            {
                var start = data[p++];
                var count = data[p++];
                inside ^= ChainParityVectorised(points, start, count, ccx, ccy, x, y);
            }

            if (inside)
            {
                return area;
            }
        }

        // No area holds the point nudged east and north; it may still lie on the closed boundary of one (an area's
        // east or north edge with nothing beyond it). Covers says it belongs there: the first such area in layer order.
        return OnBoundaryOf(offset, x, y);
    }

    /// <summary>The first area of the mixed cell at <paramref name="offset"/> with an edge through (x, y) exactly, else <see cref="None"/>.</summary>
    private int OnBoundaryOf(int offset, double x, double y)
    {
        var data = CellData;
        var points = Points;
        var p = offset;
        var runs = RunCount(data, ref p);
        for (var r = 0; r < runs; r++)
        {
            var area = data[p++];
            var chains = data[p++] >> 1;
            var found = false;
            for (var k = 0; k < chains; k++)
            {
                var start = data[p++];
                var count = data[p++];
                found |= !found && ChainHolds(points, start, count, x, y);
            }

            if (found)
            {
                return area;
            }
        }

        return None;
    }

    /// <summary>Whether (x, y) lies exactly on an edge of the chain (decided with NetTopologySuite's exact orientation).</summary>
    internal static bool ChainHolds(double[] points, int start, int count, double x, double y)
    {
        var i = start * 2;
        var end = i + (count * 2);
        for (; i + 2 < end; i += 2)
        {
            var ax = points[i];
            var ay = points[i + 1];
            var bx = points[i + 2];
            var by = points[i + 3];
            if (x < Math.Min(ax, bx) || x > Math.Max(ax, bx) || y < Math.Min(ay, by) || y > Math.Max(ay, by))
            {
                continue;
            }

            if ((x == ax && y == ay) || (x == bx && y == by) || CGAlgorithmsDD.OrientationIndex(ax, ay, bx, by, x, y) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the segment from the centre c to the query point q crosses the chain an odd number of times. A point
    /// exactly on an edge or line is decided as if it were q* = q + (ε, ε²): just east, and a much smaller step north.
    /// Each edge is evaluated in a canonical direction (lower end first) so two areas sharing an edge always agree.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool ChainParity(double[] points, int start, int count, double ccx, double ccy, double x, double y)
    {
        var dx = x - ccx;
        var dy = y - ccy;
        var i = start * 2;
        var end = i + (count * 2);
        var ax = points[i];
        var ay = points[i + 1];
        var pa = Side(dx, dy, ax, ay, ccx, ccy, x, y);
        var parity = false;
        for (i += 2; i < end; i += 2)
        {
            var bx = points[i];
            var by = points[i + 1];
            var pb = Side(dx, dy, bx, by, ccx, ccy, x, y);
            if (pa != pb)
            {
                parity ^= Crosses(ax, ay, bx, by, ccx, ccy, x, y);
            }

            ax = bx;
            ay = by;
            pa = pb;
        }

        return parity;
    }

    /// <summary>
    /// As <see cref="ChainParity"/>, the same answer: the side of four vertices at a time (AVX), then
    /// <see cref="Crosses"/> only on the edges whose ends lie on either side. The doubles are computed by the same
    /// operations in the same order as <see cref="Side"/>, so every side certain here is the side the scalar finds; a
    /// chain with any side too close to call goes to <see cref="ChainParity"/> whole.
    /// </summary>
    /// <remarks>
    /// Per vertex the scalar walk takes a branch that cannot be predicted (does this edge change sides?); here the
    /// sides are bits, and the edges that change sides are the set bits of <c>bits ^ (bits &gt;&gt; 1)</c>. A group
    /// may read up to three vertices past the chain's end (masked off); a chain too near the end of the points goes to
    /// the scalar walk.
    /// </remarks>
    internal static bool ChainParityVectorised(double[] points, int start, int count, double ccx, double ccy, double x, double y)
    {
        if (!Avx.IsSupported || count < 2 || (((long)start + count + 3) * 2) > points.Length)
        {
            return ChainParity(points, start, count, ccx, ccy, x, y);
        }

        var centre = Vector256.Create(ccx, ccy, ccx, ccy);
        var across = Vector256.Create(y - ccy, x - ccx, y - ccy, x - ccx);
        var bound = Vector256.Create(ErrorBound);
        ref var first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(points), (nint)start * 2);
        var parity = false;
        for (var window = 0; ; window += 63)
        {
            // Up to 64 vertices a window; consecutive windows share a vertex, so every edge is in one of them.
            var length = Math.Min(64, count - window);
            ulong sides = 0, unsure = 0;
            for (var g = 0; g < length; g += 4)
            {
                ref var at = ref Unsafe.Add(ref first, (nint)(window + g) * 2);
                // (right, left) per vertex, as Side computes them: dy·(px − cx) and dx·(py − cy).
                var a = (Vector256.LoadUnsafe(ref at) - centre) * across;
                var b = (Vector256.LoadUnsafe(ref at, 4) - centre) * across;

                // right − left = −s, and |left| + |right|, in lane order (g, g+2, g+1, g+3).
                var minusS = Avx.HorizontalSubtract(a, b);
                var magnitude = Avx.HorizontalAdd(Vector256.Abs(a), Vector256.Abs(b));
                sides |= (ulong)InOrder(Vector256.LessThan(minusS, Vector256<double>.Zero).ExtractMostSignificantBits()) << g;
                unsure |= (ulong)InOrder(Vector256.LessThanOrEqual(Vector256.Abs(minusS), bound * magnitude).ExtractMostSignificantBits()) << g;
            }

            var valid = length == 64 ? ulong.MaxValue : (1UL << length) - 1;
            if ((unsure & valid) != 0)
            {
                return ChainParity(points, start, count, ccx, ccy, x, y);
            }

            for (var changes = (sides ^ (sides >> 1)) & (valid >> 1); changes != 0; changes &= changes - 1)
            {
                var i = (start + window + System.Numerics.BitOperations.TrailingZeroCount(changes)) * 2;
                parity ^= Crosses(points[i], points[i + 1], points[i + 2], points[i + 3], ccx, ccy, x, y);
            }

            if (window + length >= count)
            {
                return parity;
            }
        }

        // Lanes (0, 2, 1, 3) of a horizontal operation's result as bits 0..3 of the four vertices in order.
        static uint InOrder(uint lanes) => (lanes & 0b1001) | ((lanes & 0b0010) << 1) | ((lanes & 0b0100) >> 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Side(double dx, double dy, double px, double py, double ccx, double ccy, double x, double y)
    {
        var left = dx * (py - ccy);
        var right = dy * (px - ccx);
        var s = left - right;
        if (Math.Abs(s) <= ErrorBound * (Math.Abs(left) + Math.Abs(right)))
        {
            // Too close to call in doubles: decide exactly, as NetTopologySuite's reference does.
            s = CGAlgorithmsDD.OrientationIndex(ccx, ccy, x, y, px, py);
        }

        return s != 0 ? s > 0 : (py != ccy ? py > ccy : px < ccx);
    }

    /// <summary>Given that the edge's ends lie on either side of the line c→q*, whether the edge separates c from q*.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Crosses(double ax, double ay, double bx, double by, double ccx, double ccy, double x, double y)
    {
        double ux, uy, vx, vy;
        if (ay < by || (ay == by && ax < bx))
        {
            (ux, uy, vx, vy) = (ax, ay, bx, by);
        }
        else
        {
            (ux, uy, vx, vy) = (bx, by, ax, ay);
        }

        var ex = vx - ux;
        var ey = vy - uy;
        var oc = (ex * (ccy - uy)) - (ey * (ccx - ux));
        var left = ex * (y - uy);
        var right = ey * (x - ux);
        var oq = left - right;
        if (Math.Abs(oq) <= ErrorBound * (Math.Abs(left) + Math.Abs(right)))
        {
            oq = CGAlgorithmsDD.OrientationIndex(ux, uy, vx, vy, x, y);
        }

        var qLeft = oq != 0 ? oq > 0 : uy == vy;
        return (oc > 0) != qLeft;
    }
}
