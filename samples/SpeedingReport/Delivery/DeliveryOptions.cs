namespace SpeedingReport.Delivery;

/// <summary>How the delivery worker retries (section <c>SpeedingReport:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "SpeedingReport:Delivery";

    /// <summary>Run the worker in this process. Several processes may share one database: each claims with a lease.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for due deliveries when no submit has woken it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claim holds. A worker that dies mid-send leaves its claim to lapse, then another run sends (at least once).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most deliveries one worker run claims at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How many of a claimed batch are sent at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>The first retry's delay; each further retry doubles it (with jitter), up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many attempts a transient failure is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>After this long since the report was stored a delivery still not made is given up as failed.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often a token (Open311) is followed up for the remote id.</summary>
    public TimeSpan TokenFollowUpInterval { get; set; } = TimeSpan.FromMinutes(5);
}
