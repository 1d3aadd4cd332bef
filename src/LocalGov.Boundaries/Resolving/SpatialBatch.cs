using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace LocalGov.Boundaries.Resolving;

/// <summary>What a batch does with each point: three prefetch passes ahead of time (see <see cref="GridIndex.PrefetchCell"/>), then resolve it into slot i.</summary>
internal interface IBatchSink
{
    void PrefetchCells(double x, double y);

    void PrefetchRuns(double x, double y);

    void PrefetchEdges(double x, double y);

    void Resolve(int i, double x, double y);
}

/// <summary>
/// Runs a batch of lookups in input order, or along a Z curve over the index's extent so that points near each
/// other are looked up one after another (their cells share cache lines and pages). The sort is a key pass and
/// three 8-bit radix passes over (key, position) pairs in pooled scratch; answers go to each point's own slot, so
/// the caller sees input order either way.
/// </summary>
internal static class SpatialBatch
{
    public const int MaxChunk = 1 << 18;
    private const int Bits = 11;
    private const int Side = 1 << Bits;

    // Points between one prefetch pass and the next (and the last and the lookup): enough lookups to cover a miss.
    private const int Step = 8;

    /// <summary>
    /// Whether to sort: only when asked. Sorting trades one cold read per layer (the cell words, scattered over the
    /// index) for a scattered read of the point and write of its answers; with the reads asked for ahead of each
    /// lookup, the cell reads overlap anyway, and input order measured faster in most cases (see <see cref="BatchSorting.Auto"/>).
    /// </summary>
    public static bool ShouldSort(BatchSorting sorting, int count) => sorting == BatchSorting.Always && count > 1;

    public static void Run<TSink>(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, BoundaryCrs crs, in BatchExtent extent, bool sort, ref TSink sink)
        where TSink : IBatchSink, allows ref struct
    {
        if (!sort)
        {
            InOrder(xs, ys, crs, ref sink);
            return;
        }

        var chunk = Math.Min(MaxChunk, xs.Length);
        var keys = ArrayPool<ulong>.Shared.Rent(chunk);
        var scratch = ArrayPool<ulong>.Shared.Rent(chunk);
        try
        {
            for (var start = 0; start < xs.Length; start += chunk)
            {
                var length = Math.Min(chunk, xs.Length - start);
                var k = keys.AsSpan(0, length);
                var s = scratch.AsSpan(0, length);
                if (FillKeys(xs, ys, start, crs, extent, k) * 2 >= length)
                {
                    // Already grouped (most steps stay within a 1/64 × 1/64 block of the extent): the sort would
                    // only cost, so resolve in input order (the keys still hold the positions in that order).
                    InKeyOrder(xs, ys, start, k, ref sink);
                    continue;
                }

                // 22 key bits in three 8-bit passes: 256 buckets keep the scatter within the caches and TLB (2,048
                // buckets measured twice as slow). Three passes leave the sorted keys in the scratch.
                Pass(k, s, 32);
                Pass(s, k, 40);
                Pass(k, s, 48);
                InKeyOrder(xs, ys, start, s, ref sink);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
            ArrayPool<ulong>.Shared.Return(keys);
        }
    }

    /// <summary>The position along a 2^11 × 2^11 Z (Morton) curve of cell (x, y): the bits of x and y interleaved.</summary>
    /// <remarks>
    /// A Z curve, not a Hilbert curve: its jumps between quadrants cost a little locality, but the key is one
    /// instruction (<c>PDEP</c>) or a few shifts, where a Hilbert key takes a dozen unpredictable branches a point,
    /// measured at several times the cost of the lookup it was meant to speed up.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint MortonKey(uint x, uint y)
    {
        if (Bmi2.IsSupported)
        {
            return Bmi2.ParallelBitDeposit(x, 0x5555_5555u) | Bmi2.ParallelBitDeposit(y, 0xAAAA_AAAAu);
        }

        return Spread(x) | (Spread(y) << 1);

        static uint Spread(uint v)
        {
            v &= 0xFFFF;
            v = (v | (v << 8)) & 0x00FF_00FFu;
            v = (v | (v << 4)) & 0x0F0F_0F0Fu;
            v = (v | (v << 2)) & 0x3333_3333u;
            return (v | (v << 1)) & 0x5555_5555u;
        }
    }

    private static void InOrder<TSink>(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, BoundaryCrs crs, ref TSink sink)
        where TSink : IBatchSink, allows ref struct
    {
        // Cold lookups are bound by memory latency: each point's reads are asked for in three passes ahead of its
        // lookup, so the misses of many points are in flight at once instead of one after another.
        var n = xs.Length;
        for (var i = 0; i < n; i++)
        {
            ReadAhead(xs, ys, Ahead(i, 3, n), Ahead(i, 2, n), Ahead(i, 1, n), ref sink);
            var x = xs[i];
            var y = ys[i];
            if (!BoundaryResolver.IsValid(x, y, crs))
            {
                throw new ArgumentException($"Point at index {i}: {BoundaryResolver.Describe(x, y, crs)}", nameof(xs));
            }

            sink.Resolve(i, x, y);
        }
    }

    /// <summary>Fills the (key, position) pairs, validating each point; returns how many steps from one point to the next stay within one block of 2^5 × 2^5 curve cells.</summary>
    private static int FillKeys(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int start, BoundaryCrs crs, in BatchExtent extent, Span<ulong> keys)
    {
        const int BlockShift = 32 + 10;
        var near = 0;
        for (var j = 0; j < keys.Length; j++)
        {
            var x = xs[start + j];
            var y = ys[start + j];
            if (!BoundaryResolver.IsValid(x, y, crs))
            {
                throw new ArgumentException($"Point at index {start + j}: {BoundaryResolver.Describe(x, y, crs)}", nameof(xs));
            }

            var cx = (uint)Math.Clamp((x - extent.MinX) * extent.ScaleX, 0, Side - 1);
            var cy = (uint)Math.Clamp((y - extent.MinY) * extent.ScaleY, 0, Side - 1);
            keys[j] = ((ulong)MortonKey(cx, cy) << 32) | (uint)j;
            if (j > 0 && (keys[j] >> BlockShift) == (keys[j - 1] >> BlockShift))
            {
                near++;
            }
        }

        return near;
    }

    /// <summary>One stable counting-sort pass on the 8 key bits at <paramref name="shift"/>.</summary>
    private static void Pass(ReadOnlySpan<ulong> from, Span<ulong> to, int shift)
    {
        const int Buckets = 256;
        Span<int> offsets = stackalloc int[Buckets];
        offsets.Clear();
        foreach (var key in from)
        {
            offsets[(int)(key >> shift) & (Buckets - 1)]++;
        }

        var total = 0;
        for (var b = 0; b < Buckets; b++)
        {
            var count = offsets[b];
            offsets[b] = total;
            total += count;
        }

        foreach (var key in from)
        {
            to[offsets[(int)(key >> shift) & (Buckets - 1)]++] = key;
        }
    }

    private static void InKeyOrder<TSink>(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int start, ReadOnlySpan<ulong> keys, ref TSink sink)
        where TSink : IBatchSink, allows ref struct
    {
        var n = keys.Length;
        for (var j = 0; j < n; j++)
        {
            ReadAhead(xs, ys, InKeyOrderAhead(keys, start, j, 3), InKeyOrderAhead(keys, start, j, 2), InKeyOrderAhead(keys, start, j, 1), ref sink);
            var i = start + (int)(uint)keys[j];
            sink.Resolve(i, xs[i], ys[i]);
        }
    }

    /// <summary>The input position <paramref name="passes"/> read-ahead steps after lookup <paramref name="i"/> in input order, or -1 past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Ahead(int i, int passes, int count) => i + (passes * Step) < count ? i + (passes * Step) : -1;

    /// <summary>As <see cref="Ahead"/>, in key order: the input position of the point that many steps later along the curve.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int InKeyOrderAhead(ReadOnlySpan<ulong> keys, int start, int j, int passes) =>
        Ahead(j, passes, keys.Length) is var k and >= 0 ? start + (int)(uint)keys[k] : -1;

    /// <summary>The three read-ahead passes (see <see cref="GridIndex.PrefetchCell"/>) for the points at these input positions (-1: none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReadAhead<TSink>(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int cells, int runs, int edges, ref TSink sink)
        where TSink : IBatchSink, allows ref struct
    {
        if (cells >= 0)
        {
            sink.PrefetchCells(xs[cells], ys[cells]);
        }

        if (runs >= 0)
        {
            sink.PrefetchRuns(xs[runs], ys[runs]);
        }

        if (edges >= 0)
        {
            sink.PrefetchEdges(xs[edges], ys[edges]);
        }
    }
}

/// <summary>The extent of an index's grids, scaled to the Z curve's cells.</summary>
internal readonly record struct BatchExtent(double MinX, double MinY, double ScaleX, double ScaleY)
{
    public static BatchExtent Of(IReadOnlyList<GridIndex> grids)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var g in grids)
        {
            minX = Math.Min(minX, g.OriginX);
            minY = Math.Min(minY, g.OriginY);
            maxX = Math.Max(maxX, g.OriginX + (g.Nx * g.CellSize));
            maxY = Math.Max(maxY, g.OriginY + (g.Ny * g.CellSize));
        }

        const double Side = 1 << 11;
        return new BatchExtent(minX, minY, maxX > minX ? Side / (maxX - minX) : 0, maxY > minY ? Side / (maxY - minY) : 0);
    }
}
