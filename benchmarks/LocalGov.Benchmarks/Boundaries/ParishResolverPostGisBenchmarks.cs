using BenchmarkDotNet.Attributes;
using LocalGov.Boundaries;
using Npgsql;

namespace LocalGov.Benchmarks.Boundaries;

/// <summary>
/// Point → parish lookups against PostGIS, the baseline most councils would pick: the same parishes and the same points
/// in PostgreSQL (GiST indexes, <c>ST_Covers</c>), timed as a batch join over all 188,880 points, both ways round (point by
/// point, as the planner picks it; and parish by parish, which lets PostGIS reuse each prepared polygon for all its points:
/// three times faster here), and as one prepared query per point, as an application issues them, over every 20th point. <see cref="PostGisRoundTrip"/> is the floor
/// of any one query: a prepared <c>SELECT $1</c>. The resolver is timed again here (one core) so each ratio comes from
/// one run. The cases exist only when <c>LOCALGOV_TEST_POSTGRES</c> reaches a server with PostGIS; otherwise the reason is
/// printed and <c>--probe-postgis</c> reports it.
/// </summary>
public class ParishResolverPostGisBenchmarks
{
    public const int PerPointStride = 20;
    public const int PerPointCount = BoundaryBenchmarkData.QueryCount / PerPointStride;

    private ParishResolver _resolver = null!;
    private double[] _xs = null!;
    private double[] _ys = null!;
    private ResolvedArea[] _results = null!;
    private int[] _ids = null!;
    private NpgsqlDataSource? _dataSource;
    private NpgsqlConnection? _connection;
    private NpgsqlCommand _batch = null!;
    private NpgsqlCommand _batchByParish = null!;
    private NpgsqlCommand _perPoint = null!;
    private NpgsqlParameter<double> _x = null!;
    private NpgsqlParameter<double> _y = null!;
    private NpgsqlCommand _roundTrip = null!;
    private NpgsqlParameter<int> _echo = null!;

    /// <summary>The approximate set and, outside smoke mode, the densified one; none when PostGIS is unavailable.</summary>
    [ParamsSource(nameof(Datasets))]
    public string Dataset { get; set; } = BoundaryBenchmarkData.Approx;

    [ParamsSource(nameof(Orders))]
    public string Order { get; set; } = "FileOrder";

    public static IEnumerable<string> Orders => BoundaryBenchmarkData.Orders;

    public static IEnumerable<string> Datasets
    {
        get
        {
            if (!PostGisDatabase.IsAvailable)
            {
                Console.Error.WriteLine($"// PostGIS cases skipped: {PostGisDatabase.Description}");
                return [];
            }

            return BoundaryBenchmarkData.Datasets.Where(d => d is BoundaryBenchmarkData.Approx or BoundaryBenchmarkData.Densified);
        }
    }

    [GlobalSetup(Target = nameof(Resolver))]
    public void SetupResolver()
    {
        var set = SetupQueries();
        _resolver = ParishResolver.Build(set, options: new ParishResolverOptions { MaxDegreeOfParallelism = 1 });
    }

    [GlobalSetup(Target = nameof(PostGisBatchJoin))]
    public void SetupBatchJoin() => CheckJoin(SetupPostGis(), _batch, "join");

    [GlobalSetup(Target = nameof(PostGisBatchJoinByParish))]
    public void SetupBatchJoinByParish() => CheckJoin(SetupPostGis(), _batchByParish, "join by parish");

    [GlobalSetup(Targets = [nameof(PostGisPreparedQueryPerPoint), nameof(PostGisRoundTrip)])]
    public void SetupPerPoint()
    {
        SetupPostGis();
        _ = PostGisPreparedQueryPerPoint().GetAwaiter().GetResult(); // warms the server's caches and the plan
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection?.Dispose();
        _connection = null;
        _dataSource?.Dispose();
        _dataSource = null;
        _resolver = null!;
    }

    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int Resolver()
    {
        _resolver.ResolveMany(_xs, _ys, _results);
        return _results.Length;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int PostGisBatchJoin() => Join(_batch);

    [Benchmark(OperationsPerInvoke = BoundaryBenchmarkData.QueryCount)]
    public int PostGisBatchJoinByParish() => Join(_batchByParish);

    [Benchmark(OperationsPerInvoke = PerPointCount)]
    public async Task<int> PostGisPreparedQueryPerPoint()
    {
        var found = 0;
        for (var i = 0; i < _xs.Length; i += PerPointStride)
        {
            _x.TypedValue = _xs[i];
            _y.TypedValue = _ys[i];
            found += await _perPoint.ExecuteScalarAsync() is int ? 1 : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = PerPointCount)]
    public async Task<int> PostGisRoundTrip()
    {
        var sum = 0;
        for (var i = 0; i < PerPointCount; i++)
        {
            _echo.TypedValue = i;
            sum += (int)(await _roundTrip.ExecuteScalarAsync())!;
        }

        return sum;
    }

    private BoundarySet SetupPostGis()
    {
        var set = SetupQueries();
        _ids = new int[_xs.Length];
        _dataSource = NpgsqlDataSource.Create(PostGisDatabase.ConnectionString);
        _connection = _dataSource.OpenConnection();
        PostGisDatabase.EnsureLoaded(_connection, Dataset, Order);

        // PostGIS's best shot: JIT compiling the join's expressions costs more than it saves here (parallel workers stay on).
        using (var jitOff = new NpgsqlCommand("SET jit = off", _connection))
        {
            jitOff.ExecuteNonQuery();
        }

        var parishes = PostGisDatabase.ParishTable(Dataset);
        var points = PostGisDatabase.PointTable(Dataset, Order);
        _batch = Prepared($"SELECT p.i, a.id FROM {points} p JOIN {parishes} a ON ST_Covers(a.geom, p.geom)");
        // OFFSET 0 keeps the lateral subquery from being flattened, so the parish stays on the outer side.
        _batchByParish = Prepared($"SELECT p.i, a.id FROM {parishes} a CROSS JOIN LATERAL (SELECT p.i FROM {points} p WHERE ST_Covers(a.geom, p.geom) OFFSET 0) p");
        _x = new NpgsqlParameter<double>();
        _y = new NpgsqlParameter<double>();
        _perPoint = Prepared($"SELECT id FROM {parishes} WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), {(int)set.Crs})) LIMIT 1", _x, _y);
        _echo = new NpgsqlParameter<int>();
        _roundTrip = Prepared("SELECT $1::int", _echo);
        return set;
    }

    /// <summary>Both sides must give the same answers, or the comparison means nothing; this also warms the server's caches.</summary>
    private void CheckJoin(BoundarySet set, NpgsqlCommand command, string name)
    {
        var expected = new ResolvedArea[_xs.Length];
        ParishResolver.Build(set).ResolveMany(_xs, _ys, expected);
        Join(command);
        var disagree = 0;
        for (var i = 0; i < _ids.Length; i++)
        {
            var code = _ids[i] < 0 ? null : set.Features[_ids[i]].Code;
            disagree += code == expected[i].Code ? 0 : 1;
        }

        // Points exactly on a shared edge may go either way; anything more is a broken load.
        if (disagree > _ids.Length / 1000)
        {
            throw new InvalidOperationException($"PostGIS {name} and the resolver disagree on {disagree} of {_ids.Length} points ({Dataset}/{Order}).");
        }

        Console.WriteLine($"// {Dataset}/{Order}: the PostGIS {name} ({PostGisDatabase.Description}) agrees with the resolver on all but {disagree} points");
    }

    private BoundarySet SetupQueries()
    {
        (_xs, _ys) = BoundaryBenchmarkData.Points(Dataset, Order);
        _results = new ResolvedArea[_xs.Length];
        return BoundaryBenchmarkData.Set(Dataset);
    }

    private NpgsqlCommand Prepared(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        command.Parameters.AddRange(parameters);
        command.Prepare();
        return command;
    }

    /// <summary>Reads the whole join result into one parish id per point (-1 where none), as an application would use it.</summary>
    private int Join(NpgsqlCommand command)
    {
        Array.Fill(_ids, -1);
        var rows = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _ids[reader.GetInt32(0)] = reader.GetInt32(1);
            rows++;
        }

        return rows;
    }
}
