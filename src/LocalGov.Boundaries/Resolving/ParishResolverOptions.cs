using LocalGov.Postcodes.Grid;

namespace LocalGov.Boundaries;

/// <summary>Options for building, loading and querying a <see cref="ParishResolver"/>.</summary>
public sealed record ParishResolverOptions
{
    /// <summary>Converts queries made in the other CRS (WGS84 for a BNG index, or the reverse). Without one, such queries raise <see cref="BoundaryCrsException"/>.</summary>
    public IGridConverter? GridConverter { get; init; }

    /// <summary>Grid cells per boundary vertex (default 1.25, which keeps the index near 22 bytes per vertex on full-resolution data); sparse data gets at least 256 cells per area: more cells mean fewer edges to test per query and more memory.</summary>
    public double CellsPerVertex { get; init; } = 1.25;

    /// <summary>Threads used to build the index and by <see cref="ParishResolver.ResolveManyInParallel"/> (default: all processors).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether batches are looked up along a Z (Morton) curve (default <see cref="BatchSorting.Auto"/>: input order, measured faster). Answers are the same, in input order.</summary>
    public BatchSorting SortBatches { get; init; } = BatchSorting.Auto;

    /// <summary>Code prefixes in the parish layer that mark non-parished areas (default <c>E43</c>).</summary>
    public IReadOnlyList<string> NonParishedAreaCodePrefixes { get; init; } = ["E43"];
}
