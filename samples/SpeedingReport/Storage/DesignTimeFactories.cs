using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SpeedingReport.Storage;

/// <summary>For <c>dotnet ef migrations add … --context SqliteReportsDbContext</c>: no database is opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReportsDbContext>
{
    public SqliteReportsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteReportsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresReportsDbContext</c>: no database is opened.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresReportsDbContext>
{
    public PostgresReportsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresReportsDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
