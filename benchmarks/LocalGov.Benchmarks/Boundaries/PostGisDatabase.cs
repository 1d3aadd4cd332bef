using System.Globalization;
using LocalGov.Boundaries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace LocalGov.Benchmarks.Boundaries;

/// <summary>
/// The PostGIS the resolver is compared with: the server named by <c>LOCALGOV_TEST_POSTGRES</c> (an Npgsql connection
/// string to a superuser, as <c>.ci/services</c> exports it), in a database of its own so the tests' databases stay
/// untouched. Probed once per process; when it cannot be used the PostGIS cases are left out and the reason is kept.
/// </summary>
internal static class PostGisDatabase
{
    public const string ConnectionVariable = "LOCALGOV_TEST_POSTGRES";
    private const string DatabaseName = "localgov_bench";
    private static readonly Lazy<(string? ConnectionString, string Description)> Probed = new(Probe);

    public static bool IsAvailable => Probed.Value.ConnectionString is not null;

    /// <summary>The PostGIS version when available, else why not (for the gate's "skipped: reason").</summary>
    public static string Description => Probed.Value.Description;

    public static string ConnectionString => Probed.Value.ConnectionString ?? throw new InvalidOperationException($"PostGIS is unavailable: {Description}");

    public static string ParishTable(string dataset) => "parishes_" + dataset.ToLowerInvariant();

    public static string PointTable(string dataset, string order) => $"points_{PointKey(dataset)}_{order.ToLowerInvariant()}";

    /// <summary>
    /// Loads the parishes and the query points (in query order), each with a GiST index, unless the tables already hold the same data (kept across processes: loading
    /// the densified set takes a while).
    /// </summary>
    public static void EnsureLoaded(NpgsqlConnection connection, string dataset, string order)
    {
        var set = BoundaryBenchmarkData.Set(dataset);
        var srid = (int)set.Crs;
        var table = ParishTable(dataset);
        var fingerprint = string.Create(CultureInfo.InvariantCulture, $"v1 {set.Features.Count} areas {set.VertexCount} vertices srid {srid}");
        if (Comment(connection, table) != fingerprint)
        {
            Execute(connection, $"DROP TABLE IF EXISTS {table}_load, {table}; CREATE UNLOGGED TABLE {table}_load (id int, wkb bytea)");
            var writer = new WKBWriter();
            using (var import = connection.BeginBinaryImport($"COPY {table}_load (id, wkb) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < set.Features.Count; i++)
                {
                    import.StartRow();
                    import.Write(i, NpgsqlDbType.Integer);
                    import.Write(writer.Write(set.Features[i].Geometry), NpgsqlDbType.Bytea);
                }

                import.Complete();
            }

            Execute(connection, $"""
                CREATE TABLE {table} AS SELECT id, ST_GeomFromWKB(wkb, {srid}) AS geom FROM {table}_load;
                DROP TABLE {table}_load;
                ALTER TABLE {table} ADD PRIMARY KEY (id);
                CREATE INDEX ON {table} USING gist (geom);
                ANALYZE {table};
                COMMENT ON TABLE {table} IS '{fingerprint}';
                """);
        }

        var (xs, ys) = BoundaryBenchmarkData.Points(dataset, order);
        var points = PointTable(dataset, order);
        var pointPrint = string.Create(CultureInfo.InvariantCulture, $"v2 {xs.Length} points from {xs[0]:R},{ys[0]:R} to {xs[^1]:R},{ys[^1]:R} srid {srid}");
        if (Comment(connection, points) != pointPrint)
        {
            Execute(connection, $"DROP TABLE IF EXISTS {points}_load, {points}; CREATE UNLOGGED TABLE {points}_load (i int, x float8, y float8)");
            using (var import = connection.BeginBinaryImport($"COPY {points}_load (i, x, y) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < xs.Length; i++)
                {
                    import.StartRow();
                    import.Write(i, NpgsqlDbType.Integer);
                    import.Write(xs[i], NpgsqlDbType.Double);
                    import.Write(ys[i], NpgsqlDbType.Double);
                }

                import.Complete();
            }

            // Rows go in query order, so a scan meets the points in the order the resolver is given them.
            Execute(connection, $"""
                CREATE TABLE {points} AS SELECT i, ST_SetSRID(ST_MakePoint(x, y), {srid}) AS geom FROM {points}_load ORDER BY i;
                DROP TABLE {points}_load;
                CREATE INDEX ON {points} USING gist (geom);
                ANALYZE {points};
                COMMENT ON TABLE {points} IS '{pointPrint}';
                """);
        }
    }

    private static string PointKey(string dataset) => dataset == BoundaryBenchmarkData.Official50 ? "official50" : "centroids";

    private static string? Comment(NpgsqlConnection connection, string table)
    {
        using var command = new NpgsqlCommand("SELECT obj_description(to_regclass($1), 'pg_class')", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        return command.ExecuteScalar() as string;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    private static (string?, string) Probe()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(given))
        {
            return (null, $"{ConnectionVariable} is not set (.ci/services exports it)");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(given) { Timeout = 5, Pooling = false };
        }
        catch (ArgumentException ex)
        {
            return (null, $"{ConnectionVariable} is not a valid Npgsql connection string: {ex.Message}");
        }

        var where = $"{builder.Host}:{builder.Port}";
        try
        {
            using (var admin = new NpgsqlConnection(builder.ConnectionString))
            {
                admin.Open();
                using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{DatabaseName}'", admin);
                if (exists.ExecuteScalar() is null)
                {
                    using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", admin);
                    create.ExecuteNonQuery();
                }
            }

            builder.Database = DatabaseName;
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            try
            {
                Execute(connection, "CREATE EXTENSION IF NOT EXISTS postgis");
            }
            catch (PostgresException ex)
            {
                return (null, $"CREATE EXTENSION postgis failed on {where}: {ex.MessageText} (install postgresql-15-postgis-3)");
            }

            using var version = new NpgsqlCommand("SELECT 'PostGIS ' || postgis_lib_version() || ' on PostgreSQL ' || current_setting('server_version')", connection);
            var description = (string)version.ExecuteScalar()!;
            builder.Pooling = true;
            return (builder.ConnectionString, description);
        }
        catch (NpgsqlException ex)
        {
            return (null, $"PostgreSQL at {where} is unreachable or refused the connection: {ex.Message}");
        }
        catch (TimeoutException ex)
        {
            return (null, $"PostgreSQL at {where} did not answer: {ex.Message}");
        }
    }
}
