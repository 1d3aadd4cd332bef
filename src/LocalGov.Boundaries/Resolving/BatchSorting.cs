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
    /// Sort a batch of at least 8,192 points that looks up two or more layers a point (a <see cref="BoundaryResolver"/>
    /// with several layers) in an index of at least 4 MiB, unless the batch is already grouped (most steps between
    /// consecutive points stay within 1/64 of the extent). A single layer is faster in input order (measured), and a
    /// smaller index stays in the processor's caches, so order gains nothing.
    /// </summary>
    Auto = 0,

    /// <summary>Always resolve in input order.</summary>
    Never = 1,

    /// <summary>Sort every batch of two or more points (for tests and measurement).</summary>
    Always = 2,
}
