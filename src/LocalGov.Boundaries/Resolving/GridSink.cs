using System.Runtime.CompilerServices;

namespace LocalGov.Boundaries.Resolving;

/// <summary>
/// A batch over one grid, optionally falling back to a second where the first has no answer (parish, else district):
/// the one-layer path, free of the layer loops and the directory. Writes answers, or when <paramref name="asIndexes"/>
/// area indexes.
/// </summary>
/// <remarks>
/// The stages keep the pure and mixed cells apart instead of branching on each point: which cells are mixed cannot
/// be predicted (about one in eight on the real parishes), and a mispredicted branch in each of three stages cost
/// more than the pure cell's own lookup. The mixed points are listed once, and only they are walked.
/// </remarks>
internal readonly ref struct GridSink(GridIndex grid, GridIndex? fallback, BoundaryArea[] areas, Span<ResolvedArea> answers, Span<int> indexes, bool asIndexes) : IBatchSink
{
    private readonly Span<ResolvedArea> _answers = answers;
    private readonly Span<int> _indexes = indexes;

    public void Resolve(scoped ReadOnlySpan<double> bx, scoped ReadOnlySpan<double> by, scoped ReadOnlySpan<int> at, scoped Span<int> scratch)
    {
        var n = bx.Length;
        by = by[..n];
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

        for (var k = 0; k < m; k++)
        {
            grid.PrefetchEdgesOf(words[mixed[k]]);
        }

        // Every point as if its cell were pure (a mixed one gets -1 here), then the mixed ones walked.
        grid.PureAnswers(words, found);
        for (var k = 0; k < m; k++)
        {
            var j = mixed[k];
            found[j] = grid.LocateWith(words[j], bx[j], by[j]);
        }

        if (fallback is not null)
        {
            for (var j = 0; j < found.Length; j++)
            {
                if (found[j] < 0)
                {
                    found[j] = fallback.Locate(bx[j], by[j]);
                }
            }
        }

        at = at[..n];
        if (asIndexes)
        {
            for (var j = 0; j < found.Length; j++)
            {
                _indexes[at[j]] = found[j];
            }

            return;
        }

        for (var j = 0; j < found.Length; j++)
        {
            var area = found[j];
            _answers[at[j]] = area < 0 ? default : new ResolvedArea(areas[area]);
        }
    }
}
