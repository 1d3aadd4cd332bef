using System.Runtime.CompilerServices;

namespace LocalGov.Boundaries.Resolving;

/// <summary>
/// A batch over one grid, optionally falling back to a second where the first has no answer (parish, else district):
/// the one-layer path, free of the layer loops and the directory. Writes answers, or when <paramref name="asIndexes"/>
/// area indexes.
/// </summary>
/// <remarks>
/// The stages keep the pure and mixed cells apart instead of branching on each point: which cells are mixed cannot
/// be predicted (about one in eight on the real parishes), and a mispredicted branch in each stage cost more than a
/// pure cell's whole lookup. A pure cell is answered in its block; a mixed one goes to the backlog, where its edges
/// are asked for <see cref="EdgesLag"/> entries later and it is walked <see cref="WalkLag"/> entries later, once its
/// runs and then its edges have had a block or two to arrive.
/// </remarks>
internal readonly ref struct GridSink(GridIndex grid, GridIndex? fallback, BoundaryArea[] areas, Span<ResolvedArea> answers, Span<int> indexes, bool asIndexes) : IBatchSink
{
    private const int EdgesLag = 4;
    private const int WalkLag = 8;

    private readonly Span<ResolvedArea> _answers = answers;
    private readonly Span<int> _indexes = indexes;

    public void Resolve(scoped ReadOnlySpan<double> bx, scoped ReadOnlySpan<double> by, scoped ReadOnlySpan<int> at, scoped Span<int> scratch, ref Backlog backlog)
    {
        var n = bx.Length;
        by = by[..n];
        at = at[..n];
        var words = scratch[..n];
        var found = scratch.Slice(SpatialBatch.Block, n);
        var mixed = scratch.Slice(2 * SpatialBatch.Block, n);
        for (var j = 0; j < words.Length; j++)
        {
            var cell = grid.CellOf(bx[j], by[j]);
            grid.PrefetchWord(cell);
            words[j] = cell;
        }

        var m = 0;
        for (var j = 0; j < words.Length; j++)
        {
            var word = grid.WordAsking(words[j]);
            words[j] = word;
            mixed[m] = j;
            m += word <= -2 ? 1 : 0;
        }

        // Every point as if its cell were pure (a mixed one gets -1 here, and its answer later).
        grid.PureAnswers(words, found);
        if (fallback is not null)
        {
            for (var j = 0; j < found.Length; j++)
            {
                if (found[j] < 0 && words[j] > -2)
                {
                    found[j] = fallback.Locate(bx[j], by[j]);
                }
            }
        }

        for (var j = 0; j < found.Length; j++)
        {
            Write(at[j], found[j]);
        }

        for (var k = 0; k < m; k++)
        {
            var j = mixed[k];
            backlog.Add(bx[j], by[j], words[j], at[j]);
        }

        Advance(ref backlog, backlog.Added - EdgesLag, backlog.Added - WalkLag);
    }

    public void Flush(ref Backlog backlog) => Advance(ref backlog, backlog.Added, backlog.Added);

    private void Advance(ref Backlog backlog, int edges, int walks)
    {
        for (; backlog.First < edges; backlog.First++)
        {
            grid.PrefetchEdgesOf(backlog.Word(backlog.First));
        }

        for (; backlog.Done < walks; backlog.Done++)
        {
            var e = backlog.Done;
            var (x, y) = (backlog.X(e), backlog.Y(e));
            var area = grid.LocateWith(backlog.Word(e), x, y);
            if (area < 0 && fallback is not null)
            {
                area = fallback.Locate(x, y);
            }

            Write(backlog.Slot(e), area);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Write(int slot, int area)
    {
        if (asIndexes)
        {
            _indexes[slot] = area;
        }
        else
        {
            _answers[slot] = area < 0 ? default : new ResolvedArea(areas[area]);
        }
    }
}
