using System.Runtime.CompilerServices;
using LocalGov.Boundaries.Resolving;
using LocalGov.Postcodes.Grid;

namespace LocalGov.Boundaries;

/// <summary>
/// Answers "which parish is this point in, or else which district?" from a flat, immutable cell index built once.
/// Queries allocate nothing and are safe from any number of threads.
/// </summary>
/// <remarks>
/// Edge rule: a point exactly on a boundary belongs to the area that a point an infinitesimal step east of it (and a
/// far smaller step north) would be in. So on a shared edge exactly one area answers, always the same one; a point on
/// a west or south edge of a parish is in it, a point on its east or north edge is in the neighbour (or outside).
/// Where areas of one layer overlap, the one loaded first wins.
/// </remarks>
public sealed class ParishResolver
{
    private readonly BoundaryArea[] _areas;
    private readonly GridIndex _parishes;
    private readonly GridIndex? _districts;
    private readonly IGridConverter? _converter;
    private readonly int _maxDegreeOfParallelism;

    internal ParishResolver(BoundaryCrs crs, BoundaryArea[] areas, GridIndex parishes, GridIndex? districts, ParishResolverOptions options)
    {
        Crs = crs;
        _areas = areas;
        _parishes = parishes;
        _districts = districts;
        _converter = options.GridConverter;
        _maxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        Statistics = new IndexStatistics(
            parishes.VertexCount + (districts?.VertexCount ?? 0),
            ((long)parishes.Nx * parishes.Ny) + (districts is null ? 0 : (long)districts.Nx * districts.Ny),
            parishes.MixedCells + (districts?.MixedCells ?? 0),
            (parishes.Points.LongLength + (districts?.Points.LongLength ?? 0)) / 2,
            parishes.Bytes + (districts?.Bytes ?? 0));
    }

    /// <summary>The CRS of the index; queries in it need no conversion.</summary>
    public BoundaryCrs Crs { get; }

    /// <summary>Every area the resolver can answer with: parishes (and non-parished areas) first, then districts.</summary>
    public IReadOnlyList<BoundaryArea> Areas => _areas;

    /// <summary>Whether a district layer was given.</summary>
    public bool HasDistricts => _districts is not null;

    /// <summary>The index's size.</summary>
    public IndexStatistics Statistics { get; }

    internal GridIndex ParishIndex => _parishes;

    internal GridIndex? DistrictIndex => _districts;

    /// <summary>Builds a resolver. The index is complete when this returns.</summary>
    /// <param name="parishes">The parish layer (parishes, non-parished areas, communities).</param>
    /// <param name="districts">The optional district layer, answering where no parish covers a point.</param>
    /// <param name="options">Conversion, grid density and parallelism.</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="BoundaryCrsException">The two layers are in different CRSs.</exception>
    public static ParishResolver Build(BoundarySet parishes, BoundarySet? districts = null, ParishResolverOptions? options = null)
    {
        using var telemetry = BoundariesTelemetry.StartIndex("Build");
        ArgumentNullException.ThrowIfNull(parishes);
        options ??= new ParishResolverOptions();
        if (districts is not null && districts.Crs != parishes.Crs)
        {
            throw new BoundaryCrsException(
                $"The parish layer is in {BoundaryCrsParser.Format(parishes.Crs)} but the district layer is in {BoundaryCrsParser.Format(districts.Crs)}; load both in one CRS.");
        }

        if (options.CellsPerVertex is not (> 0 and <= 64) || double.IsNaN(options.CellsPerVertex))
        {
            throw new ArgumentException("CellsPerVertex must be greater than 0 and at most 64.", nameof(options));
        }

        var areas = new List<BoundaryArea>(parishes.Features.Count + (districts?.Features.Count ?? 0));
        foreach (var feature in parishes.Features)
        {
            var nonParished = options.NonParishedAreaCodePrefixes.Any(p => feature.Code.StartsWith(p, StringComparison.OrdinalIgnoreCase));
            areas.Add(new BoundaryArea { Code = feature.Code, Name = feature.Name, ParentCode = feature.ParentCode, Kind = nonParished ? AreaKind.NonParishedArea : AreaKind.Parish });
        }

        foreach (var feature in districts?.Features ?? [])
        {
            areas.Add(new BoundaryArea { Code = feature.Code, Name = feature.Name, ParentCode = feature.ParentCode, Kind = AreaKind.District });
        }

        var parishCount = parishes.Features.Count;
        GridIndex BuildParishes() => GridIndexBuilder.Build([.. parishes.Features.Select(f => f.Geometry)], [.. Enumerable.Range(0, parishCount)], options.CellsPerVertex);
        GridIndex BuildDistricts() => GridIndexBuilder.Build([.. districts!.Features.Select(f => f.Geometry)], [.. Enumerable.Range(parishCount, districts.Features.Count)], options.CellsPerVertex);

        GridIndex parishIndex;
        GridIndex? districtIndex = null;
        if (districts is null)
        {
            parishIndex = BuildParishes();
        }
        else if (options.MaxDegreeOfParallelism > 1)
        {
            var districtTask = Task.Run(BuildDistricts);
            parishIndex = BuildParishes();
            districtIndex = districtTask.GetAwaiter().GetResult();
        }
        else
        {
            parishIndex = BuildParishes();
            districtIndex = BuildDistricts();
        }

        return new ParishResolver(parishes.Crs, [.. areas], parishIndex, districtIndex, options);
    }

    /// <summary>Resolves a point in the index's CRS (x = easting or longitude, y = northing or latitude).</summary>
    /// <param name="x">Easting in metres (BNG) or longitude in degrees (WGS84).</param>
    /// <param name="y">Northing in metres (BNG) or latitude in degrees (WGS84).</param>
    /// <returns>The parish covering the point, else the district, else none.</returns>
    /// <exception cref="ArgumentException">A coordinate is NaN, infinite or outside the CRS's range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ResolvedArea Resolve(double x, double y)
    {
        Validate(x, y, Crs);
        return ResolveUnchecked(x, y);
    }

    /// <summary>Resolves a point given in either CRS, converting it when it is not the index's.</summary>
    /// <param name="x">Easting (BNG) or longitude (WGS84).</param>
    /// <param name="y">Northing (BNG) or latitude (WGS84).</param>
    /// <param name="crs">The CRS of <paramref name="x"/> and <paramref name="y"/>.</param>
    /// <returns>The parish covering the point, else the district, else none.</returns>
    /// <exception cref="ArgumentException">A coordinate is NaN, infinite or out of range.</exception>
    /// <exception cref="BoundaryCrsException">The point is in the other CRS and no <see cref="ParishResolverOptions.GridConverter"/> was given.</exception>
    public ResolvedArea Resolve(double x, double y, BoundaryCrs crs)
    {
        var (ix, iy) = InIndexCrs(x, y, crs);
        return Resolve(ix, iy);
    }

    /// <summary>
    /// The district covering a point in the index's CRS, whether or not a parish covers it too: "which district
    /// deals with this?" for a point inside a parish. <see cref="AreaKind.None"/> when the resolver was built without a
    /// district layer or no district covers the point.
    /// </summary>
    /// <param name="x">Easting in metres (BNG) or longitude in degrees (WGS84).</param>
    /// <param name="y">Northing in metres (BNG) or latitude in degrees (WGS84).</param>
    /// <returns>The district, or none.</returns>
    /// <exception cref="ArgumentException">A coordinate is NaN, infinite or outside the CRS's range.</exception>
    public ResolvedArea ResolveDistrict(double x, double y)
    {
        Validate(x, y, Crs);
        var area = _districts?.Locate(x, y) ?? -1;
        return area < 0 ? default : new ResolvedArea(_areas[area]);
    }

    /// <summary>As <see cref="ResolveDistrict(double, double)"/> for a point given in either CRS, converted when it is not the index's.</summary>
    /// <param name="x">Easting (BNG) or longitude (WGS84).</param>
    /// <param name="y">Northing (BNG) or latitude (WGS84).</param>
    /// <param name="crs">The CRS of <paramref name="x"/> and <paramref name="y"/>.</param>
    /// <returns>The district, or none.</returns>
    /// <exception cref="ArgumentException">A coordinate is NaN, infinite or out of range.</exception>
    /// <exception cref="BoundaryCrsException">The point is in the other CRS and no <see cref="ParishResolverOptions.GridConverter"/> was given.</exception>
    public ResolvedArea ResolveDistrict(double x, double y, BoundaryCrs crs)
    {
        var (ix, iy) = InIndexCrs(x, y, crs);
        return ResolveDistrict(ix, iy);
    }

    /// <summary>Resolves many points on the calling thread, in order, allocating nothing.</summary>
    /// <param name="xs">Eastings or longitudes, in the index's CRS.</param>
    /// <param name="ys">Northings or latitudes.</param>
    /// <param name="results">Receives one result per point.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or a coordinate is invalid (the message gives its position).</exception>
    public void ResolveMany(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<ResolvedArea> results)
    {
        BoundariesTelemetry.RecordBatch(xs.Length);
        if (xs.Length != ys.Length || results.Length < xs.Length)
        {
            throw new ArgumentException($"xs ({xs.Length}) and ys ({ys.Length}) must have the same length and results ({results.Length}) room for each.", nameof(results));
        }

        // Cold lookups are bound by memory latency: ask for the cell word of a point a few places ahead while
        // resolving this one, so several misses are in flight at once.
        const int Lookahead = 8;
        var grid = _parishes;
        for (var i = 0; i < xs.Length; i++)
        {
            if (i + Lookahead < xs.Length)
            {
                grid.Prefetch(xs[i + Lookahead], ys[i + Lookahead]);
            }

            var x = xs[i];
            var y = ys[i];
            if (!IsValid(x, y, Crs))
            {
                throw new ArgumentException($"Point at index {i}: {Describe(x, y, Crs)}", nameof(xs));
            }

            results[i] = ResolveUnchecked(x, y);
        }
    }

    /// <summary>Resolves many points using up to <see cref="ParishResolverOptions.MaxDegreeOfParallelism"/> threads; results stay in input order.</summary>
    /// <param name="xs">Eastings or longitudes, in the index's CRS.</param>
    /// <param name="ys">Northings or latitudes.</param>
    /// <param name="results">Receives one result per point.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a coordinate is invalid.</exception>
    public void ResolveManyInParallel(ReadOnlyMemory<double> xs, ReadOnlyMemory<double> ys, Memory<ResolvedArea> results, CancellationToken cancellationToken = default)
    {
        const int Batch = 16_384;
        if (xs.Length != ys.Length || results.Length < xs.Length)
        {
            throw new ArgumentException($"xs ({xs.Length}) and ys ({ys.Length}) must have the same length and results ({results.Length}) room for each.", nameof(results));
        }

        if (_maxDegreeOfParallelism == 1 || xs.Length < 2 * Batch)
        {
            ResolveMany(xs.Span, ys.Span, results.Span);
            return;
        }

        var batches = (xs.Length + Batch - 1) / Batch;
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism, CancellationToken = cancellationToken }, b =>
        {
            var start = b * Batch;
            var length = Math.Min(Batch, xs.Length - start);
            ResolveMany(xs.Span.Slice(start, length), ys.Span.Slice(start, length), results.Span.Slice(start, length));
        });
    }

    /// <summary>Saves the index (areas and cells, no source geometry) to a versioned, checksummed binary file.</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Save(stream);
    }

    /// <summary>Saves the index to a stream.</summary>
    /// <param name="stream">A writable stream.</param>
    public void Save(Stream stream) => IndexFile.Write(stream, this);

    /// <summary>Loads an index saved by <see cref="Save(string)"/>.</summary>
    /// <param name="path">The index file.</param>
    /// <param name="options">Conversion and parallelism for queries (grid options are fixed by the file).</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="BoundaryIndexFileException">Not an index file, another format version, truncated or corrupt.</exception>
    public static ParishResolver Load(string path, ParishResolverOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(stream, options, path);
    }

    /// <summary>Loads an index from a stream.</summary>
    /// <param name="stream">The index.</param>
    /// <param name="options">Conversion and parallelism for queries.</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="BoundaryIndexFileException">Not an index, another format version, truncated or corrupt.</exception>
    public static ParishResolver Load(Stream stream, ParishResolverOptions? options = null) => Load(stream, options, "stream");

    private static ParishResolver Load(Stream stream, ParishResolverOptions? options, string source)
    {
        using var telemetry = BoundariesTelemetry.StartIndex("Load");
        ArgumentNullException.ThrowIfNull(stream);
        var (crs, areas, parishes, districts) = IndexFile.Read(stream, source);
        return new ParishResolver(crs, areas, parishes, districts, options ?? new ParishResolverOptions());
    }

    /// <summary>A point given in <paramref name="crs"/>, checked and converted to the index's CRS when it is the other one.</summary>
    private (double X, double Y) InIndexCrs(double x, double y, BoundaryCrs crs)
    {
        if (crs == Crs)
        {
            return (x, y);
        }

        Validate(x, y, crs);
        return Convert(x, y, crs);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ResolvedArea ResolveUnchecked(double x, double y)
    {
        var area = _parishes.Locate(x, y);
        if (area < 0 && _districts is not null)
        {
            area = _districts.Locate(x, y);
        }

        return area < 0 ? default : new ResolvedArea(_areas[area]);
    }

    private (double X, double Y) Convert(double x, double y, BoundaryCrs from)
    {
        if (_converter is null)
        {
            throw new BoundaryCrsException(
                $"The point is in {BoundaryCrsParser.Format(from)} but the index is in {BoundaryCrsParser.Format(Crs)}, and no GridConverter was given in ParishResolverOptions " +
                "(use LocalGov.Postcodes' converter, or query in the index's CRS).");
        }

        if (from == BoundaryCrs.Wgs84)
        {
            var bng = _converter.ToBng(new Wgs84Coordinate(y, x));
            return (bng.Easting, bng.Northing);
        }

        var wgs = _converter.ToWgs84(new BngCoordinate(x, y));
        return (wgs.Longitude, wgs.Latitude);
    }

    private static void Validate(double x, double y, BoundaryCrs crs)
    {
        if (!IsValid(x, y, crs))
        {
            throw new ArgumentException(Describe(x, y, crs));
        }
    }

    private static string Describe(double x, double y, BoundaryCrs crs) => crs == BoundaryCrs.Wgs84
        ? $"({x}, {y}) is not a WGS84 longitude/latitude: both must be finite, longitude in [-180, 180] and latitude in [-90, 90]."
        : $"({x}, {y}) is not a British National Grid easting/northing: both must be finite, easting in [-100000, 800000] and northing in [-100000, 1400000] metres.";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsValid(double x, double y, BoundaryCrs crs) => crs == BoundaryCrs.Wgs84
        ? x >= -180 && x <= 180 && y >= -90 && y <= 90
        : x >= -100_000 && x <= 800_000 && y >= -100_000 && y <= 1_400_000;
}
