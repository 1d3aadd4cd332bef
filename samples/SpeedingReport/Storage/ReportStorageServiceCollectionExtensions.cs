using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;
using SpeedingReport.Delivery;
using SpeedingReport.Reports;

namespace SpeedingReport.Storage;

/// <summary>The report store and the submitter: SQLite by default, PostgreSQL when <c>ConnectionStrings:Reports</c> is set.</summary>
public static class ReportStorageServiceCollectionExtensions
{
    internal const string SqliteProvider = "sqlite";
    internal const string PostgresProvider = "postgres";

    public static IServiceCollection AddReportStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<ReportStorageOptions>().Bind(configuration.GetSection(SpeedingReportOptions.SectionName))
            .PostConfigure(o => o.DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(o.DataDirectory) ? "App_Data" : o.DataDirectory, environment.ContentRootPath));

        var postgres = configuration.GetConnectionString("Reports");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            services.AddPooledDbContextFactory<PostgresReportsDbContext>(o => o.UseNpgsql(postgres));
            services.AddSingleton<IReportsDbContextFactory>(sp => new ReportsDbContextFactory<PostgresReportsDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresReportsDbContext>>(), PostgresProvider));
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteReportsDbContext>((sp, o) =>
            {
                var folder = sp.GetRequiredService<IOptions<ReportStorageOptions>>().Value.DataDirectory;
                Directory.CreateDirectory(folder);
                o.UseSqlite($"Data Source={Path.Combine(folder, "reports.db")};Pooling=True;Default Timeout=30");
            });
            services.AddSingleton<IReportsDbContextFactory>(sp => new ReportsDbContextFactory<SqliteReportsDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteReportsDbContext>>(), SqliteProvider));
        }

        services.AddHostedService<ReportStorageMigrator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeliverySignal>();
        services.AddSingleton<IReportReferenceGenerator, ReportReferenceGenerator>();
        services.AddSingleton<IReportSubmitter, EfReportSubmitter>();
        services.AddSingleton<ReportQueries>();
        services.AddScoped<ReportSubmissionFactory>();
        return services;
    }
}
