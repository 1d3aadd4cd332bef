using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SpeedingReport.Storage;

/// <summary>The report store on SQLite (the default: a file in <c>SpeedingReport:DataDirectory</c>). Migrations in Storage/Migrations/Sqlite.</summary>
public sealed class SqliteReportsDbContext(DbContextOptions<SqliteReportsDbContext> options) : ReportsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no date type: EF stores DateTimeOffset as text and cannot compare or order it in SQL. As a
        // number (ticks and offset; every time here is UTC) the lease and due-time comparisons run in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
