using System.Runtime.CompilerServices;
using LocalGov.Boundaries.Resolving;

namespace LocalGov.Boundaries;

/// <summary>
/// Answers "which parish is this point in, or else which district?" from a flat, immutable cell index built once.
/// Queries allocate nothing and are safe from any number of threads.
/// </summary>
/// <remarks>
/// A convenience over a two-layer <see cref="BoundaryResolver"/> (layers <c>parish</c> and <c>district</c>): see
/// <see cref="Layers"/> for every layer at once. Edge rule: a point on a parish's closed boundary is in a parish (as
/// NetTopologySuite <c>Covers</c>); where several hold it, the one an infinitesimal step east (and a far smaller step
/// north) is in, else the first in layer order. Where areas of one layer overlap, the one loaded first wins.
/// </remarks>
public sealed class ParishResolver
{
    private readonly BoundaryResolver _layers;
    private readonly int _district;

    internal ParishResolver(BoundaryResolver layers, int districtLayer)
    {
        _layers = layers;
        _district = districtLayer;
    }

    /// <summary>The CRS of the index; queries in it need no conversion.</summary>
    public BoundaryCrs Crs => _layers.Crs;

    /// <summary>Every area the resolver can answer with: parishes (and non-parished areas) first, then districts.</summary>
    public IReadOnlyList<BoundaryArea> Areas => _layers.Areas;

    /// <summary>Whether a district layer was given.</summary>
    public bool HasDistricts => _district >= 0;

    /// <summary>The index's size.</summary>
    public IndexStatistics Statistics => _layers.Statistics;

    /// <summary>The layered resolver underneath: layer <c>parish</c>, then <c>district</c> when given.</summary>
    public BoundaryResolver Layers => _layers;

    /// <summary>Builds a resolver. The index is complete when this returns.</summary>
    /// <param name="parishes">The parish layer (parishes, non-parished areas, communities).</param>
    /// <param name="districts">The optional district layer, answering where no parish covers a point.</param>
    /// <param name="options">Conversion, grid density and parallelism.</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="BoundaryCrsException">The two layers are in different CRSs.</exception>
    /// <exception cref="BoundaryFileException">A boundary's coordinates are not finite or far outside the CRS's range.</exception>
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

        List<BoundaryLayer> layers = [new("parish", parishes) { Kind = AreaKind.Parish }];
        if (districts is not null)
        {
            layers.Add(new("district", districts) { Kind = AreaKind.District });
        }

        return new ParishResolver(BoundaryResolver.Build(layers, ToLayerOptions(options)), districts is null ? -1 : 1);
    }

    /// <summary>Resolves a point in the index's CRS (x = easting or longitude, y = northing or latitude).</summary>
    /// <param name="x">Easting in metres (BNG) or longitude in degrees (WGS84).</param>
    /// <param name="y">Northing in metres (BNG) or latitude in degrees (WGS84).</param>
    /// <returns>The parish covering the point, else the district, else none.</returns>
    /// <exception cref="ArgumentException">A coordinate is NaN, infinite or outside the CRS's range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ResolvedArea Resolve(double x, double y)
    {
        BoundaryResolver.Validate(x, y, Crs);
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
        var (ix, iy) = _layers.InIndexCrs(x, y, crs);
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
        BoundaryResolver.Validate(x, y, Crs);
        return _district < 0 ? default : _layers.Answer(_layers.LocateUnchecked(x, y, _district));
    }

    /// <summary>As <see cref="ResolveDistrict(double, double)"/> for a point given in either CRS, converted when it is not the index's.</summary>
    /// <param name="x">Easting (BNG) or longitude (WGS84).</param>
    /// <param name="y">Northing (BNG) or latitude (WGS84).</param>
    /// <param name="crs">The CRS of <paramref name="x"/> and <paramref name="y"/>.</param>
    /// <returns>The district, or none.</returns>
    /// <exception cref="ArgumentException">A coordinate is NaN, infinite or out of range.</exception>
    /// <exception cref="BoundaryCrsException">The point is in the other CRS and no converter was given.</exception>
    public ResolvedArea ResolveDistrict(double x, double y, BoundaryCrs crs)
    {
        var (ix, iy) = _layers.InIndexCrs(x, y, crs);
        return ResolveDistrict(ix, iy);
    }

    /// <summary>Resolves many points on the calling thread; results in input order, allocating nothing; the points are looked up in blocks of 32, each read asked for a stage ahead of its use, so cold misses overlap. With <see cref="BatchSorting.Always"/> in <see cref="ParishResolverOptions.SortBatches"/> the lookups run along a Z (Morton) curve instead (pooled scratch, no allocation once the pool is warm).</summary>
    /// <param name="xs">Eastings or longitudes, in the index's CRS.</param>
    /// <param name="ys">Northings or latitudes.</param>
    /// <param name="results">Receives one result per point.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or a coordinate is invalid (the message gives its position).</exception>
    public void ResolveMany(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<ResolvedArea> results)
    {
        if (xs.Length != ys.Length || results.Length < xs.Length)
        {
            throw new ArgumentException($"xs ({xs.Length}) and ys ({ys.Length}) must have the same length and results ({results.Length}) room for each.", nameof(results));
        }

        _layers.Run(xs, ys, new GridSink(_layers.Grids[0], _district >= 0 ? _layers.Grids[_district] : null, _layers.AreaArray, results, default, asIndexes: false));
    }

    /// <summary>Resolves many points using up to <see cref="ParishResolverOptions.MaxDegreeOfParallelism"/> threads; results stay in input order.</summary>
    /// <param name="xs">Eastings or longitudes, in the index's CRS.</param>
    /// <param name="ys">Northings or latitudes.</param>
    /// <param name="results">Receives one result per point.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a coordinate is invalid.</exception>
    public void ResolveManyInParallel(ReadOnlyMemory<double> xs, ReadOnlyMemory<double> ys, Memory<ResolvedArea> results, CancellationToken cancellationToken = default)
    {
        if (xs.Length != ys.Length || results.Length < xs.Length)
        {
            throw new ArgumentException($"xs ({xs.Length}) and ys ({ys.Length}) must have the same length and results ({results.Length}) room for each.", nameof(results));
        }

        BoundaryResolver.InParallel(xs.Length, _layers.MaxDegreeOfParallelism, SpatialBatch.ShouldSort(_layers.Sorting, xs.Length), (start, length) =>
            ResolveMany(xs.Span.Slice(start, length), ys.Span.Slice(start, length), results.Span.Slice(start, length)), cancellationToken);
    }

    /// <summary>Saves the index (areas and cells, no source geometry) to a versioned, checksummed binary file, readable by <see cref="BoundaryResolver.Load(string, BoundaryResolverOptions?)"/> too.</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path) => _layers.Save(path);

    /// <summary>Saves the index to a stream.</summary>
    /// <param name="stream">A writable stream.</param>
    public void Save(Stream stream) => _layers.Save(stream);

    /// <summary>Loads an index saved by <see cref="Save(string)"/>, or any index file with a layer named <c>parish</c> (and optionally <c>district</c>).</summary>
    /// <param name="path">The index file.</param>
    /// <param name="options">Conversion and parallelism for queries (grid options are fixed by the file).</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="BoundaryIndexFileException">Not an index file, another format version, truncated, followed by other bytes, corrupt, or without a <c>parish</c> layer.</exception>
    public static ParishResolver Load(string path, ParishResolverOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var telemetry = BoundariesTelemetry.StartIndex("Load");
        return Over(BoundaryResolver.Load(path, ToLayerOptions(options ?? new ParishResolverOptions())), path);
    }

    /// <summary>Loads an index from a stream.</summary>
    /// <param name="stream">The index.</param>
    /// <param name="options">Conversion and parallelism for queries.</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="BoundaryIndexFileException">Not an index, another format version, truncated, followed by other bytes, corrupt, or without a <c>parish</c> layer.</exception>
    public static ParishResolver Load(Stream stream, ParishResolverOptions? options = null)
    {
        using var telemetry = BoundariesTelemetry.StartIndex("Load");
        return Over(BoundaryResolver.Load(stream, ToLayerOptions(options ?? new ParishResolverOptions())), "stream");
    }

    private static ParishResolver Over(BoundaryResolver layers, string source)
    {
        if (layers.LayerIndex("parish") != 0)
        {
            throw new BoundaryIndexFileException(
                $"{source} holds layers {string.Join(", ", layers.LayerNames)}; a ParishResolver needs 'parish' first (and optionally 'district'). Load it with BoundaryResolver.Load.");
        }

        return new ParishResolver(layers, layers.LayerIndex("district"));
    }

    private static BoundaryResolverOptions ToLayerOptions(ParishResolverOptions options) => new()
    {
        GridConverter = options.GridConverter,
        CellsPerVertex = options.CellsPerVertex,
        MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
        NonParishedAreaCodePrefixes = options.NonParishedAreaCodePrefixes,
        SortBatches = options.SortBatches,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ResolvedArea ResolveUnchecked(double x, double y)
    {
        var area = _layers.LocateUnchecked(x, y, 0);
        if (area < 0 && _district >= 0)
        {
            area = _layers.LocateUnchecked(x, y, _district);
        }

        return _layers.Answer(area);
    }
}
