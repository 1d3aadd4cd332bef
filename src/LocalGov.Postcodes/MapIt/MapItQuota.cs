namespace LocalGov.Postcodes.MapIt;

/// <summary>MapIt's usage count and limit, from the <c>X-Quota-Current</c> and <c>X-Quota-Limit</c> response headers.</summary>
/// <param name="Current">Calls counted so far in the current period.</param>
/// <param name="Limit">Calls allowed in the period (0 when the server reports no limit).</param>
public sealed record MapItQuota(long Current, long Limit);
