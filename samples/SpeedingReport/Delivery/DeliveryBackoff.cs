using System.Security.Cryptography;

namespace SpeedingReport.Delivery;

/// <summary>Exponential backoff with jitter, never sooner than a server's Retry-After.</summary>
public static class DeliveryBackoff
{
    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1: BaseDelay × 2^(n−1), capped at MaxDelay, then a random
    /// 50–100 % of it (so retries of many deliveries spread out), and at least <paramref name="retryAfter"/>.</summary>
    public static TimeSpan Next(int failedAttempts, TimeSpan? retryAfter, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ceiling = Math.Min(options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(ceiling * (0.5 + (RandomNumberGenerator.GetInt32(0, 1001) / 2000.0)));
        return retryAfter is { } wait && wait > jittered ? wait : jittered;
    }
}
