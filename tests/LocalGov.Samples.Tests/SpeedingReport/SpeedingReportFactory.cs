using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The sample in-process on its demo configuration, with settings overridden per test class, and its own SQLite store in a temp folder.</summary>
public class SpeedingReportFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public SpeedingReportFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    protected SpeedingReportFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        DataDirectory = Path.Combine(Path.GetTempPath(), "localgov-speeding-tests", Guid.NewGuid().ToString("N"));
    }

    /// <summary>Where this factory's SQLite store is (unless the settings name another store).</summary>
    public string DataDirectory { get; }

    public JourneyClient CreateJourney() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A context on the app's store, for checking what was stored.</summary>
    public Task<ReportsDbContext> StoreAsync() => Services.GetRequiredService<IReportsDbContextFactory>().CreateAsync(TestContext.Current.CancellationToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("SpeedingReport:DataDirectory", DataDirectory);

        // UseSetting reaches the configuration the app reads while registering its services.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
