using System.Runtime.CompilerServices;

namespace LocalGov.Boundaries.Resolving;

/// <summary>
/// A batch over one grid, optionally falling back to a second where the first has no answer (parish, else district):
/// the one-layer path, kept free of the layer loops and the directory so a lookup is the grid's reads and little more.
/// Writes answers, or when <paramref name="asIndexes"/> area indexes.
/// </summary>
internal readonly ref struct GridSink(GridIndex grid, GridIndex? fallback, BoundaryArea[] areas, Span<ResolvedArea> answers, Span<int> indexes, bool asIndexes) : IBatchSink
{
    private readonly Span<ResolvedArea> _answers = answers;
    private readonly Span<int> _indexes = indexes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Cell(double x, double y)
    {
        var cell = grid.CellOf(x, y);
        grid.PrefetchWord(cell);
        return cell;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Word(int cell, double x, double y) => grid.WordOf(cell);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Follow(int word, double x, double y) => grid.PrefetchEdgesOf(word);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Resolve(int i, int word, double x, double y)
    {
        var area = grid.LocateWith(word, x, y);
        if (area < 0 && fallback is not null)
        {
            area = fallback.Locate(x, y);
        }

        if (asIndexes)
        {
            _indexes[i] = area;
        }
        else
        {
            _answers[i] = area < 0 ? default : new ResolvedArea(areas[area]);
        }
    }
}
