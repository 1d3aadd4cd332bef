namespace SpeedingReport.Storage;

/// <summary>Makes a context on whichever store is configured; callers dispose it.</summary>
public interface IReportsDbContextFactory
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Provider { get; }

    Task<ReportsDbContext> CreateAsync(CancellationToken cancellationToken);
}
