using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SpeedingReport;
using SpeedingReport.Storage;

namespace LocalGov.Benchmarks.SpeedingReport;

/// <summary>
/// The sample on its demo configuration, on Kestrel at 127.0.0.1 on a free port, with its own store: SQLite in a temp
/// data folder, or a new PostgreSQL database on the server in <c>LOCALGOV_TEST_POSTGRES</c> (dropped afterwards).
/// </summary>
internal sealed class LoopbackApp : IAsyncDisposable
{
    public const string PostgresVariable = "LOCALGOV_TEST_POSTGRES";

    private readonly WebApplication _app;
    private readonly string _dataDirectory;
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;

    private LoopbackApp(WebApplication app, Uri address, string dataDirectory, string? postgresServer, string? postgresDatabase)
    {
        _app = app;
        Address = address;
        _dataDirectory = dataDirectory;
        _postgresServer = postgresServer;
        _postgresDatabase = postgresDatabase;
    }

    public Uri Address { get; }

    public IReportsDbContextFactory Store => _app.Services.GetRequiredService<IReportsDbContextFactory>();

    public static async Task<LoopbackApp> StartAsync(string store, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "localgov-speeding-bench", Guid.NewGuid().ToString("N"));
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--contentRoot={Path.Combine(RepositoryRoot(), "samples", "SpeedingReport")}",
            "--environment=Production",
            "--Logging:LogLevel:Default=Warning",
            $"--SpeedingReport:DataDirectory={dataDirectory}",
        };
        string? server = null, database = null;
        if (store == "postgres")
        {
            server = Environment.GetEnvironmentVariable(PostgresVariable) ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
            database = $"lg_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            // Room for 50 residents and the worker at once (Npgsql's default pool is 100).
            args.Add($"--ConnectionStrings:Reports={new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString}");
        }

        var app = SpeedingReportApp.Build([.. args]);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackApp(app, new Uri(address), dataDirectory, server, database);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LocalGov.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LocalGov.Sdk.sln above {AppContext.BaseDirectory}");
    }
}
