using Npgsql;
using Xunit;

namespace LocalGov.Testing;

/// <summary>
/// The real PostgreSQL and Redis a test needs, as <c>.ci/services start</c> provides them (LOCALGOV_TEST_POSTGRES,
/// LOCALGOV_TEST_REDIS). When a service is not configured or not reachable, the test is skipped with the reason.
/// </summary>
public static class RealServices
{
    public const string PostgresVariable = "LOCALGOV_TEST_POSTGRES";
    public const string RedisVariable = "LOCALGOV_TEST_REDIS";

    /// <summary>The PostgreSQL connection string, or the test is skipped saying why.</summary>
    public static string PostgresOrSkip() => PostgresUnavailableReason() is { } reason ? throw SkipNow(reason) : Environment.GetEnvironmentVariable(PostgresVariable)!;

    /// <summary>Null when LOCALGOV_TEST_POSTGRES is set; else why PostgreSQL tests cannot run.</summary>
    public static string? PostgresUnavailableReason() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))
            ? $"PostgreSQL is not configured: {PostgresVariable} is not set (run `source \"$(.ci/services start)\"`, as .ci/run does)"
            : null;

    /// <summary>
    /// A new, empty database with a unique name on the configured server; dropped on dispose. Null, with the reason,
    /// when PostgreSQL is not configured or cannot be reached (call from a fixture, skip in the tests).
    /// </summary>
    public static async Task<(PostgresTestDatabase? Database, string? SkipReason)> TryCreatePostgresDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        if (PostgresUnavailableReason() is { } reason)
        {
            return (null, reason);
        }

        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Timeout = 5, Pooling = false };
        var name = $"lg_{new string([.. prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20)])}_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            return (null, $"PostgreSQL at {server.Host}:{server.Port} ({PostgresVariable}) cannot be reached: {ex.Message}");
        }

        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true, Timeout = 15 };
        return (new PostgresTestDatabase(server.ConnectionString, name, database.ConnectionString), null);
    }

    /// <summary>Skips the running test (xunit v3) with the reason.</summary>
    public static Exception SkipNow(string reason)
    {
        Assert.Skip(reason);
        return new InvalidOperationException("unreachable: Assert.Skip throws");
    }
}

/// <summary>A database made for one test class; dropped (with its connections) on dispose.</summary>
public sealed class PostgresTestDatabase(string serverConnectionString, string name, string connectionString) : IAsyncDisposable
{
    public string Name => name;

    /// <summary>Connects to this database.</summary>
    public string ConnectionString => connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
