using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace LocalGov.Boundaries.Resolving;

/// <summary>
/// What a batch does with a block of up to <see cref="SpatialBatch.Block"/> points. A sink works in stages over the
/// whole block (every point's cell, then every cell's word, then the reads after it, then the answers), each asking
/// for the next read of every point before any point needs it, so the misses of a block overlap; and what one stage
/// found (the cell, its word) is handed on rather than found again.
/// </summary>
internal interface IBatchSink
{
    /// <summary>Resolves the points (bx[j], by[j]) into slots at[j], or puts some off in the backlog; <paramref name="scratch"/> holds <see cref="SpatialBatch.Scratch"/> ints.</summary>
    void Resolve(scoped ReadOnlySpan<double> bx, scoped ReadOnlySpan<double> by, scoped ReadOnlySpan<int> at, scoped Span<int> scratch, ref Backlog backlog);

    /// <summary>Resolves every point still in the backlog: the batch (or the part before a bad point) is answered when this returns.</summary>
    void Flush(ref Backlog backlog);
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

    // Points a stage covers before the next stage starts: enough reads in flight to cover a miss, few enough for the
    // processor's miss buffers and for the block's words to stay in the first-level cache.
    public const int Block = 32;

    /// <summary>The scratch a sink gets with each block: three ints a point.</summary>
    public const int Scratch = 3 * Block;

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

    [SkipLocalsInit]
    private static void InOrder<TSink>(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, BoundaryCrs crs, ref TSink sink)
        where TSink : IBatchSink, allows ref struct
    {
        Span<int> at = stackalloc int[Block];
        Span<int> scratch = stackalloc int[Scratch];
        var backlog = default(Backlog);
        var n = xs.Length;
        for (var start = 0; start < n; start += Block)
        {
            var length = Math.Min(Block, n - start);
            var bx = xs.Slice(start, length);
            var by = ys.Slice(start, length);
            for (var j = 0; j < length; j++)
            {
                if (!BoundaryResolver.IsValid(bx[j], by[j], crs))
                {
                    // The points before the bad one are answered, as a caller resolving one by one would have them.
                    sink.Resolve(bx[..j], by[..j], at, scratch, ref backlog);
                    sink.Flush(ref backlog);
                    throw new ArgumentException($"Point at index {start + j}: {BoundaryResolver.Describe(bx[j], by[j], crs)}", nameof(xs));
                }

                at[j] = start + j;
            }

            sink.Resolve(bx, by, at, scratch, ref backlog);
        }

        sink.Flush(ref backlog);
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

    [SkipLocalsInit]
    private static void InKeyOrder<TSink>(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int start, ReadOnlySpan<ulong> keys, ref TSink sink)
        where TSink : IBatchSink, allows ref struct
    {
        Span<int> at = stackalloc int[Block];
        Span<int> scratch = stackalloc int[Scratch];
        var backlog = default(Backlog);
        Span<double> bx = stackalloc double[Block];
        Span<double> by = stackalloc double[Block];
        var n = keys.Length;
        for (var first = 0; first < n; first += Block)
        {
            var length = Math.Min(Block, n - first);
            for (var j = 0; j < length; j++)
            {
                var i = start + (int)(uint)keys[first + j];
                at[j] = i;
                bx[j] = xs[i];
                by[j] = ys[i];
            }

            sink.Resolve(bx[..length], by[..length], at, scratch, ref backlog);
        }

        sink.Flush(ref backlog);
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
