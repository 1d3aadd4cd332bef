using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace LocalGov.Boundaries.Resolving;

/// <summary>
/// The points of a batch that a sink puts off for later stages (a mixed cell's walk, a row with look-up entries),
/// in a ring. Each later stage runs a fixed number of entries behind the last one added, so the reads one stage asks
/// for have the work of a block or two to arrive before the next stage needs them, where a stage right after the
/// one before would wait for each miss in turn. The cursors count entries that have passed each stage; <see cref="Done"/> is always the last.
/// </summary>
internal struct Backlog
{
    /// <summary>Entries the ring holds: more than a block's worth beyond the longest lag (12), so an entry is never overwritten before it is resolved.</summary>
    public const int Capacity = 128;

    private const int Mask = Capacity - 1;

    // Inline, not spans over stack memory: a sink is handed the backlog by reference, and a struct holding spans of
    // the batch's own stack could not be (the compiler cannot tell the sink does not keep them).
    private Doubles _x;
    private Doubles _y;
    private Ints _word;
    private Ints _slot;

    /// <summary>Entries added so far.</summary>
    public int Added { get; private set; }

    /// <summary>Entries past the first later stage.</summary>
    public int First;

    /// <summary>Entries past the second later stage.</summary>
    public int Second;

    /// <summary>Entries resolved: past the last stage, whichever stages the sink has before it.</summary>
    public int Done;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double x, double y, int word, int slot)
    {
        Debug.Assert(Added - Done < Capacity, "an entry would be overwritten before it is resolved");
        var i = Added++ & Mask;
        _x[i] = x;
        _y[i] = y;
        _word[i] = word;
        _slot[i] = slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double X(int entry) => _x[entry & Mask];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Y(int entry) => _y[entry & Mask];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Word(int entry) => _word[entry & Mask];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Slot(int entry) => _slot[entry & Mask];

    [InlineArray(Capacity)]
    private struct Doubles
    {
        private double _first;
    }

    [InlineArray(Capacity)]
    private struct Ints
    {
        private int _first;
    }
}
