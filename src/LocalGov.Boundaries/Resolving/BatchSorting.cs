namespace LocalGov.Boundaries;

/// <summary>Whether the batch methods (<c>ResolveMany</c>, <c>ResolveManyInParallel</c>) resolve points along a Z (Morton) curve instead of in input order.</summary>
/// <remarks>
/// Answers are always written in input order and are the same either way; only the order of the lookups, and so
/// the memory traffic, changes. Sorting costs a pass over the points and three 8-bit radix passes over pooled scratch (16
/// bytes a point, at most 2^18 points at a time, rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>).
/// </remarks>
public enum BatchSorting
{
    /// <summary>
    /// Resolve in input order. Measured on the 188,880 centroids over England and Wales (four layers, random and
    /// grouped input, 2-core machines), the sorted batch was slower than input order in eight of ten cases, and one
    /// layer was slower sorted too: the sort's scattered reads of the points and writes of their answers cost more
    /// than the locality it buys. Use <see cref="Always"/> where your own measurement says otherwise.
    /// </summary>
    Auto = 0,

    /// <summary>Always resolve in input order (what <see cref="Auto"/> does today).</summary>
    Never = 1,

    /// <summary>Sort every batch of two or more points along a Z curve (skipped for a chunk that is already grouped: most steps between consecutive points within 1/64 of the extent).</summary>
    Always = 2,
}
