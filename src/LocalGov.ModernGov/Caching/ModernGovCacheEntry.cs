namespace LocalGov.ModernGov;

/// <summary>
/// What is stored per cached answer: the answer and when the council gave it, so its age survives a trip through Redis.
/// Marked immutable (the models are init-only records) so HybridCache hands out the cached instance instead of a fresh copy per read.
/// </summary>
[System.ComponentModel.ImmutableObject(true)]
internal sealed record ModernGovCacheEntry<T>(T Value, DateTimeOffset RetrievedAt);
