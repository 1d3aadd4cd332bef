using LocalGov.Postcodes.Grid;

namespace LocalGov.Boundaries;

/// <summary>Options for building, loading and querying a <see cref="BoundaryResolver"/>.</summary>
public sealed record BoundaryResolverOptions
{
    /// <summary>Converts queries made in the other CRS (WGS84 for a BNG index, or the reverse). Without one, such queries raise <see cref="BoundaryCrsException"/>.</summary>
    public IGridConverter? GridConverter { get; init; }

    /// <summary>Grid cells per boundary vertex, per layer (default 1.25, about 22 bytes per vertex for four full-resolution layers); sparse layers get at least 256 cells per area.</summary>
    public double CellsPerVertex { get; init; } = 1.25;

    /// <summary>Threads used to build the layers and by the parallel batches (<c>BoundaryResolver.ResolveManyInParallel</c>) (default: all processors).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether batches are looked up along a Z (Morton) curve (default <see cref="BatchSorting.Auto"/>: input order, measured faster). Answers are the same, in input order.</summary>
    public BatchSorting SortBatches { get; init; } = BatchSorting.Auto;

    /// <summary>Code prefixes in a <see cref="AreaKind.Parish"/> layer that mark non-parished areas (default <c>E43</c>).</summary>
    public IReadOnlyList<string> NonParishedAreaCodePrefixes { get; init; } = ["E43"];
}
