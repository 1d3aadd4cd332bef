using Microsoft.EntityFrameworkCore;

namespace SpeedingReport.Storage;

internal sealed class ReportsDbContextFactory<TContext>(IDbContextFactory<TContext> inner, string provider) : IReportsDbContextFactory
    where TContext : ReportsDbContext
{
    public string Provider => provider;

    public async Task<ReportsDbContext> CreateAsync(CancellationToken cancellationToken) => await inner.CreateDbContextAsync(cancellationToken);
}
