namespace LocalGov.ModernGov;

/// <summary>What is stored per cached answer: the answer and when the council gave it, so its age survives a trip through Redis.</summary>
internal sealed record ModernGovCacheEntry<T>(T Value, DateTimeOffset RetrievedAt);
