using Microsoft.EntityFrameworkCore;

namespace SpeedingReport.Storage;

/// <summary>The report store on PostgreSQL (when <c>ConnectionStrings:Reports</c> is set). Migrations in Storage/Migrations/Postgres.</summary>
public sealed class PostgresReportsDbContext(DbContextOptions<PostgresReportsDbContext> options) : ReportsDbContext(options);
