namespace LocalGov.ModernGov;

/// <summary>
/// An answer read through <see cref="IModernGovCache"/>: the value, when the council gave it, and whether it is stale
/// (served because the council failed just now, see <see cref="StaleBecause"/>). A caller that must not show an old
/// answer checks <see cref="IsStale"/>; one that can, tells its user how old the answer is from <see cref="RetrievedAt"/>.
/// </summary>
/// <typeparam name="T">The operation's result type.</typeparam>
public sealed class ModernGovResult<T>
{
    internal ModernGovResult(T value, DateTimeOffset retrievedAt, bool fromCache, ModernGovException? staleBecause)
    {
        Value = value;
        RetrievedAt = retrievedAt;
        FromCache = fromCache;
        StaleBecause = staleBecause;
    }

    /// <summary>The council's answer.</summary>
    public T Value { get; }

    /// <summary>When the council gave this answer (UTC).</summary>
    public DateTimeOffset RetrievedAt { get; }

    /// <summary>True when the answer came from the cache (memory or distributed) rather than from the council just now.</summary>
    public bool FromCache { get; }

    /// <summary>
    /// True when the answer is older than its operation's lifetime and is served only because asking the council again
    /// failed (stale-if-error). <see cref="StaleBecause"/> holds that failure.
    /// </summary>
    public bool IsStale => StaleBecause is not null;

    /// <summary>The failure that made the cache serve a stale answer; null when the answer is fresh.</summary>
    public ModernGovException? StaleBecause { get; }

    /// <summary>How old the answer is at <paramref name="now"/>.</summary>
    /// <param name="now">The current time, e.g. <c>TimeProvider.System.GetUtcNow()</c>.</param>
    /// <returns>The age; zero when <paramref name="now"/> is before <see cref="RetrievedAt"/>.</returns>
    public TimeSpan AgeAt(DateTimeOffset now) => now > RetrievedAt ? now - RetrievedAt : TimeSpan.Zero;
}
