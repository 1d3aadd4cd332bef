namespace LocalGov.Boundaries;

/// <summary>The size of a resolver's index, for capacity planning and the benchmark figures.</summary>
/// <param name="VertexCount">Boundary vertices indexed (all rings of all layers, closing points included).</param>
/// <param name="CellCount">Grid cells over all layers.</param>
/// <param name="MixedCellCount">Cells crossed by a boundary (the rest answer without any geometry test).</param>
/// <param name="StoredPointCount">Points stored in the cells' edge chains.</param>
/// <param name="IndexBytes">Bytes held by the index arrays.</param>
public sealed record IndexStatistics(long VertexCount, long CellCount, long MixedCellCount, long StoredPointCount, long IndexBytes)
{
    /// <summary>Index bytes per boundary vertex.</summary>
    public double BytesPerVertex => VertexCount == 0 ? 0 : (double)IndexBytes / VertexCount;
}
