using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using LocalGov.Boundaries.Resolving;
using LocalGov.Postcodes.Grid;

namespace LocalGov.Boundaries;

/// <summary>
/// Answers "which area of each layer covers this point?" for any number of named layers (parish, ward, district,
/// county, division, constituency…) from one flat, immutable index built once and saved to one file. Queries
/// allocate nothing and are safe from any number of threads.
/// </summary>
/// <remarks>
/// Exact rule, per layer: the answer is an area whose closed polygon covers the point (as NetTopologySuite
/// <c>Covers</c>), or none when no area does. Where several do (a shared edge or vertex, or an overlap), the choice is
/// deterministic: the first area in layer order that covers the point nudged an infinitesimal step east (and a far
/// smaller step north); if the nudged point is in none, the first area in layer order whose boundary holds the point.
/// </remarks>
public sealed class BoundaryResolver
{
    private const int ParallelBatch = 4_096;
    private const double CoarseCellRatio = 4;

    private readonly BoundaryArea[] _areas;
    private readonly GridIndex[] _grids;
    private readonly string[] _names;
    private readonly AreaKind[] _kinds;
    private readonly IGridConverter? _converter;
    private readonly int _maxDegreeOfParallelism;
    private readonly BatchSorting _sorting;
    private readonly BatchExtent _extent;
    private readonly LayerDirectory? _directory;

    // The grid a batch finds the cell of first: the directory's primary, else the only (or first) layer.
    private readonly int _primary;

    // Per directory row: its answers ready to copy, a look-up entry holding _lookUp (never handed out: it is replaced
    // by the layer's own answer before the caller sees it), and whether the row has a look-up entry.
    private readonly ResolvedArea[] _rowAnswers = [];
    private readonly bool[] _rowLooksUp = [];
    private readonly BoundaryArea _lookUp = new() { Code = "", Name = "", Kind = AreaKind.None };

    // directory: the one read with the grids, or null to make it from them (a new index, or a version 2 file).
    internal BoundaryResolver(BoundaryCrs crs, string[] names, AreaKind[] kinds, BoundaryArea[] areas, GridIndex[] grids, BoundaryResolverOptions options, LayerDirectory? directory = null)
    {
        Crs = crs;
        _names = names;
        _kinds = kinds;
        _areas = areas;
        _directory = directory ?? LayerDirectory.Over(grids);
        grids = _directory?.Grids ?? grids;
        if (_directory is { } made)
        {
            var rows = made.Rows;
            _rowAnswers = new ResolvedArea[rows.Length];
            _rowLooksUp = new bool[rows.Length / grids.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                var lookUp = rows[i] == LayerDirectory.LookUp;
                _rowLooksUp[i / grids.Length] |= lookUp;
                _rowAnswers[i] = lookUp ? new ResolvedArea(_lookUp) : rows[i] < 0 ? default : new ResolvedArea(areas[rows[i]]);
            }
        }

        _grids = grids;
        _primary = _directory?.Primary ?? 0;
        _converter = options.GridConverter;
        _maxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        _sorting = options.SortBatches;
        _extent = BatchExtent.Of(grids);
        Statistics = new IndexStatistics(
            grids.Sum(g => g.VertexCount),
            grids.Sum(g => (long)g.Nx * g.Ny),
            grids.Sum(g => g.MixedCells),
            grids.Sum(g => g.Points.LongLength / 2),
            grids.Sum(g => g.Bytes) + (_directory?.Bytes ?? 0));
    }

    /// <summary>The CRS of the index; queries in it need no conversion.</summary>
    public BoundaryCrs Crs { get; }

    /// <summary>The layers' names, in the order answers are given.</summary>
    public IReadOnlyList<string> LayerNames => _names;

    /// <summary>The number of layers: the number of answers per point.</summary>
    public int LayerCount => _names.Length;

    /// <summary>Every area the resolver can answer with, layer by layer.</summary>
    public IReadOnlyList<BoundaryArea> Areas => _areas;

    /// <summary>The index's size, over all layers.</summary>
    public IndexStatistics Statistics { get; }

    internal IReadOnlyList<GridIndex> Grids => _grids;

    internal LayerDirectory? Directory => _directory;

    internal int MaxDegreeOfParallelism => _maxDegreeOfParallelism;

    internal IReadOnlyList<AreaKind> LayerKinds => _kinds;

    internal BatchSorting Sorting => _sorting;

    /// <summary>The areas, for the one-layer batch (<see cref="Areas"/> is an interface, read through a call).</summary>
    internal BoundaryArea[] AreaArray => _areas;

    /// <summary>Builds a resolver over the layers, in the order given. The index is complete when this returns.</summary>
    /// <param name="layers">One or more layers, all in one CRS, with distinct names.</param>
    /// <param name="options">Conversion, grid density and parallelism.</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="ArgumentException">No layers, a duplicate or empty name, or an invalid option.</exception>
    /// <exception cref="BoundaryCrsException">The layers are in different CRSs.</exception>
    /// <exception cref="BoundaryFileException">A boundary's coordinates are not finite or lie far outside the CRS's range (the feature is named).</exception>
    public static BoundaryResolver Build(IEnumerable<BoundaryLayer> layers, BoundaryResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        options ??= new BoundaryResolverOptions();
        var list = layers.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one layer is needed.", nameof(layers));
        }

        if (options.CellsPerVertex is not (> 0 and <= 64) || double.IsNaN(options.CellsPerVertex))
        {
            throw new ArgumentException("CellsPerVertex must be greater than 0 and at most 64.", nameof(options));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in list)
        {
            ArgumentNullException.ThrowIfNull(layer);
            ArgumentNullException.ThrowIfNull(layer.Boundaries);
            if (string.IsNullOrWhiteSpace(layer.Name) || !seen.Add(layer.Name))
            {
                throw new ArgumentException($"Layer names must be non-empty and distinct ('{layer.Name}').", nameof(layers));
            }

            if (layer.Boundaries.Crs != list[0].Boundaries.Crs)
            {
                throw new BoundaryCrsException(
                    $"Layer '{list[0].Name}' is in {BoundaryCrsParser.Format(list[0].Boundaries.Crs)} but layer '{layer.Name}' is in {BoundaryCrsParser.Format(layer.Boundaries.Crs)}; load all layers in one CRS.");
            }

            CheckExtents(layer);
        }

        var areas = new List<BoundaryArea>();
        var firsts = new int[list.Length];
        for (var l = 0; l < list.Length; l++)
        {
            firsts[l] = areas.Count;
            var kind = list[l].EffectiveKind;
            foreach (var feature in list[l].Boundaries.Features)
            {
                var k = kind == AreaKind.Parish && options.NonParishedAreaCodePrefixes.Any(p => feature.Code.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                    ? AreaKind.NonParishedArea
                    : kind;
                areas.Add(new BoundaryArea { Code = feature.Code, Name = feature.Name, ParentCode = feature.ParentCode, Kind = k });
            }
        }

        var grids = new GridIndex[list.Length];
        var minCells = CoarseLayerCells(list, options.CellsPerVertex);
        void BuildLayer(int l)
        {
            var features = list[l].Boundaries.Features;
            grids[l] = GridIndexBuilder.Build([.. features.Select(f => f.Geometry)], [.. Enumerable.Range(firsts[l], features.Count)], options.CellsPerVertex, minCells[l]);
        }

        if (options.MaxDegreeOfParallelism > 1 && list.Length > 1)
        {
            Parallel.For(0, list.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, BuildLayer);
        }
        else
        {
            for (var l = 0; l < list.Length; l++)
            {
                BuildLayer(l);
            }
        }

        return new BoundaryResolver(list[0].Boundaries.Crs, [.. list.Select(l => l.Name)], [.. list.Select(l => l.EffectiveKind)], [.. areas], grids, options);
    }

    /// <summary>
    /// The least number of cells for each layer. A layer with few vertices (districts, counties) would otherwise get
    /// cells many times the size of the largest layer's, so a point often lands in a mixed cell with long edge chains:
    /// measured on the 188,880 centroids over England and Wales, 44 % of district and county lookups against 12 % of
    /// parish ones. So no layer's cells are more than <see cref="CoarseCellRatio"/> times the side of the largest
    /// layer's, and no layer gets more than an eighth of that layer's cells this way: at most a few percent more bytes.
    /// </summary>
    private static double[] CoarseLayerCells(BoundaryLayer[] list, double cellsPerVertex)
    {
        var plans = list.Select(l => GridIndexBuilder.Plan([.. l.Boundaries.Features.Select(f => f.Geometry)], cellsPerVertex)).ToArray();
        var largest = plans.MaxBy(p => p.Vertices);
        var minCells = new double[list.Length];
        if (largest.Vertices == 0)
        {
            return minCells;
        }

        var side = CoarseCellRatio * Math.Sqrt(largest.ExtentArea / largest.Cells);
        for (var l = 0; l < list.Length; l++)
        {
            minCells[l] = Math.Min(plans[l].ExtentArea / (side * side), largest.Cells / 8);
        }

        return minCells;
    }

    /// <summary>The position of a layer in the answers, by name (without case), or -1.</summary>
    /// <param name="name">The layer's name.</param>
    /// <returns>Its index, or -1 when there is no such layer.</returns>
    public int LayerIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Array.FindIndex(_names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Resolves a point on every layer, in the index's CRS, allocating nothing.</summary>
    /// <param name="x">Easting in metres (BNG) or longitude in degrees (WGS84).</param>
    /// <param name="y">Northing in metres (BNG) or latitude in degrees (WGS84).</param>
    /// <param name="answers">Receives one answer per layer, in layer order (at least <see cref="LayerCount"/> long).</param>
    /// <exception cref="ArgumentException">A coordinate is NaN, infinite or outside the CRS's range, or <paramref name="answers"/> is too short.</exception>
    public void Resolve(double x, double y, Span<ResolvedArea> answers)
    {
        if (answers.Length < _grids.Length)
        {
            throw new ArgumentException($"answers ({answers.Length}) needs room for {_grids.Length} layers.", nameof(answers));
        }

        Validate(x, y, Crs);
        ResolveUnchecked(x, y, answers);
    }

    /// <summary>Resolves a point given in either CRS on every layer, converting it when it is not the index's.</summary>
    /// <param name="x">Easting (BNG) or longitude (WGS84).</param>
    /// <param name="y">Northing (BNG) or latitude (WGS84).</param>
    /// <param name="crs">The CRS of <paramref name="x"/> and <paramref name="y"/>.</param>
    /// <param name="answers">Receives one answer per layer.</param>
    /// <exception cref="ArgumentException">A coordinate is invalid, or <paramref name="answers"/> is too short.</exception>
    /// <exception cref="BoundaryCrsException">The point is in the other CRS and no <see cref="BoundaryResolverOptions.GridConverter"/> was given.</exception>
    public void Resolve(double x, double y, BoundaryCrs crs, Span<ResolvedArea> answers)
    {
        var (ix, iy) = InIndexCrs(x, y, crs);
        Resolve(ix, iy, answers);
    }

    /// <summary>Resolves a point on one layer, in the index's CRS.</summary>
    /// <param name="x">Easting (BNG) or longitude (WGS84).</param>
    /// <param name="y">Northing (BNG) or latitude (WGS84).</param>
    /// <param name="layer">The layer's position (see <see cref="LayerIndex"/>).</param>
    /// <returns>The area of that layer covering the point, or none.</returns>
    /// <exception cref="ArgumentException">A coordinate is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No such layer.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ResolvedArea Resolve(double x, double y, int layer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, _grids.Length);
        Validate(x, y, Crs);
        return Answer(_grids[layer].Locate(x, y));
    }

    /// <summary>Resolves a point given in either CRS on one layer.</summary>
    /// <param name="x">Easting (BNG) or longitude (WGS84).</param>
    /// <param name="y">Northing (BNG) or latitude (WGS84).</param>
    /// <param name="crs">The CRS of the point.</param>
    /// <param name="layer">The layer's position.</param>
    /// <returns>The area of that layer covering the point, or none.</returns>
    public ResolvedArea Resolve(double x, double y, BoundaryCrs crs, int layer)
    {
        var (ix, iy) = InIndexCrs(x, y, crs);
        return Resolve(ix, iy, layer);
    }

    /// <summary>
    /// Resolves many points on every layer on the calling thread. Answers are point-major:
    /// <c>answers[i * LayerCount + l]</c> is point i on layer l. The points are looked up in blocks of 32, each read a
    /// lookup needs (on every layer) asked for a stage ahead of its use, so cold misses overlap. With <see cref="BatchSorting.Always"/> in
    /// <see cref="BoundaryResolverOptions.SortBatches"/> the lookups run along a Z (Morton) curve; the answers are the
    /// same and in input order either way.
    /// </summary>
    /// <remarks>
    /// Allocates nothing in input order; the sorted order uses pooled scratch (16 bytes a point, at most 2^18 points
    /// at a time, from <see cref="System.Buffers.ArrayPool{T}.Shared"/>), so it allocates only while that pool warms.
    /// </remarks>
    /// <param name="xs">Eastings or longitudes, in the index's CRS.</param>
    /// <param name="ys">Northings or latitudes.</param>
    /// <param name="answers">Room for <c>xs.Length * LayerCount</c> answers.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or a coordinate is invalid (the message gives its position).</exception>
    public void ResolveMany(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<ResolvedArea> answers)
    {
        CheckBatch(xs.Length, ys.Length, answers.Length, nameof(answers));
        if (_grids.Length == 1)
        {
            Run(xs, ys, new GridSink(_grids[0], null, _areas, answers, default, asIndexes: false));
            return;
        }

        Run(xs, ys, new LayerSink(this, answers, default, asIndexes: false));
    }

    /// <summary>
    /// As <see cref="ResolveMany(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{ResolvedArea})"/>, giving each answer
    /// as the area's position in <see cref="Areas"/>, or -1 for none: <c>areaIndexes[i * LayerCount + l]</c> is point i
    /// on layer l. For joining answers to your own per-area arrays (counts, totals); writing plain integers also
    /// skips the garbage collector's write barrier that every stored reference pays, so it is usually the faster form.
    /// </summary>
    /// <param name="xs">Eastings or longitudes, in the index's CRS.</param>
    /// <param name="ys">Northings or latitudes.</param>
    /// <param name="areaIndexes">Room for <c>xs.Length * LayerCount</c> indexes.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or a coordinate is invalid (the message gives its position).</exception>
    public void ResolveMany(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<int> areaIndexes)
    {
        CheckBatch(xs.Length, ys.Length, areaIndexes.Length, nameof(areaIndexes));
        if (_grids.Length == 1)
        {
            Run(xs, ys, new GridSink(_grids[0], null, _areas, default, areaIndexes, asIndexes: true));
            return;
        }

        Run(xs, ys, new LayerSink(this, default, areaIndexes, asIndexes: true));
    }

    /// <summary>As <see cref="ResolveMany(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{ResolvedArea})"/>, using up to <see cref="BoundaryResolverOptions.MaxDegreeOfParallelism"/> threads; answers stay in input order.</summary>
    /// <param name="xs">Eastings or longitudes, in the index's CRS.</param>
    /// <param name="ys">Northings or latitudes.</param>
    /// <param name="answers">Room for <c>xs.Length * LayerCount</c> answers, point-major.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a coordinate is invalid.</exception>
    public void ResolveManyInParallel(ReadOnlyMemory<double> xs, ReadOnlyMemory<double> ys, Memory<ResolvedArea> answers, CancellationToken cancellationToken = default)
    {
        CheckBatch(xs.Length, ys.Length, answers.Length, nameof(answers));
        var layers = _grids.Length;
        InParallel(xs.Length, _maxDegreeOfParallelism, SpatialBatch.ShouldSort(_sorting, xs.Length), (start, length) =>
            ResolveMany(xs.Span.Slice(start, length), ys.Span.Slice(start, length), answers.Span.Slice(start * layers, length * layers)), cancellationToken);
    }

    /// <summary>As <see cref="ResolveMany(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{int})"/> (area indexes), using up to <see cref="BoundaryResolverOptions.MaxDegreeOfParallelism"/> threads.</summary>
    /// <param name="xs">Eastings or longitudes, in the index's CRS.</param>
    /// <param name="ys">Northings or latitudes.</param>
    /// <param name="areaIndexes">Room for <c>xs.Length * LayerCount</c> indexes into <see cref="Areas"/>, point-major.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a coordinate is invalid.</exception>
    public void ResolveManyInParallel(ReadOnlyMemory<double> xs, ReadOnlyMemory<double> ys, Memory<int> areaIndexes, CancellationToken cancellationToken = default)
    {
        CheckBatch(xs.Length, ys.Length, areaIndexes.Length, nameof(areaIndexes));
        var layers = _grids.Length;
        InParallel(xs.Length, _maxDegreeOfParallelism, SpatialBatch.ShouldSort(_sorting, xs.Length), (start, length) =>
            ResolveMany(xs.Span.Slice(start, length), ys.Span.Slice(start, length), areaIndexes.Span.Slice(start * layers, length * layers)), cancellationToken);
    }

    private void CheckBatch(int xs, int ys, int room, string name)
    {
        var layers = _grids.Length;
        if (xs != ys || room / layers < xs)
        {
            throw new ArgumentException($"xs ({xs}) and ys ({ys}) must have the same length and {name} ({room}) room for {layers} per point.", name);
        }
    }

    // Every batch form, ParishResolver's too: measured once a batch (a parallel batch once each part), never per lookup.
    internal void Run<TSink>(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, TSink sink)
        where TSink : IBatchSink, allows ref struct
    {
        BoundariesTelemetry.RecordBatch(xs.Length);
        SpatialBatch.Run(xs, ys, Crs, _extent, SpatialBatch.ShouldSort(_sorting, xs.Length), ref sink);
    }

    /// <summary>
    /// Splits a batch over threads. Each thread's batch sorts itself when sorting pays, so batches are made as large
    /// as load balancing allows (two per thread, up to the sort's chunk) to keep the order grouped; otherwise they are
    /// 4,096 points, small enough to balance and to stop soon on cancellation: with 16,384 a thread could be left
    /// with a whole batch to finish alone, and one layer on two cores measured 1.64× one core, 1.89× with 4,096.
    /// </summary>
    internal static void InParallel(int count, int maxDegreeOfParallelism, bool sorted, Action<int, int> resolve, CancellationToken cancellationToken)
    {
        if (maxDegreeOfParallelism == 1 || count < 2 * ParallelBatch)
        {
            resolve(0, count);
            return;
        }

        var size = sorted ? Math.Clamp(count / (2 * maxDegreeOfParallelism), ParallelBatch, SpatialBatch.MaxChunk) : ParallelBatch;
        var batches = (count + size - 1) / size;
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, b =>
        {
            var start = b * size;
            resolve(start, Math.Min(size, count - start));
        });
    }

    /// <summary>Saves the index (layers, areas and cells, no source geometry) to a versioned, checksummed binary file.</summary>
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

    /// <summary>Loads an index saved by <see cref="Save(string)"/> (or by <see cref="ParishResolver.Save(string)"/>).</summary>
    /// <param name="path">The index file.</param>
    /// <param name="options">Conversion and parallelism for queries (grid options are fixed by the file).</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="BoundaryIndexFileException">Not an index file, another format version, truncated, followed by other bytes, or corrupt.</exception>
    public static BoundaryResolver Load(string path, BoundaryResolverOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return IndexFile.Read(stream, path, options ?? new BoundaryResolverOptions());
    }

    /// <summary>Loads an index from a stream, which must end where the index ends.</summary>
    /// <param name="stream">The index.</param>
    /// <param name="options">Conversion and parallelism for queries.</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="BoundaryIndexFileException">Not an index, another format version, truncated, followed by other bytes, or corrupt.</exception>
    public static BoundaryResolver Load(Stream stream, BoundaryResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return IndexFile.Read(stream, "stream", options ?? new BoundaryResolverOptions());
    }

    internal (double X, double Y) InIndexCrs(double x, double y, BoundaryCrs crs)
    {
        if (crs == Crs)
        {
            return (x, y);
        }

        Validate(x, y, crs);
        return Convert(x, y, crs);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ResolveUnchecked(double x, double y, Span<ResolvedArea> answers) => ResolveWith(PrimaryWord(x, y), x, y, answers);

    /// <summary>The word of the primary grid's cell holding (x, y), <see cref="GridIndex.None"/> outside it.</summary>
    private int PrimaryWord(double x, double y)
    {
        var grid = _grids[_primary];
        var cell = grid.CellOf(x, y);
        return cell < 0 ? GridIndex.None : grid.Cells[cell];
    }

    /// <summary>Every layer's answer at (x, y), given the word of the primary cell holding it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ResolveWith(int word, double x, double y, Span<ResolvedArea> answers)
    {
        var grids = _grids;
        if (_directory is { } directory)
        {
            var row = directory.RowOfWord(word);
            if (row >= 0)
            {
                // The primary cell's row (a pure cell's, or a mixed cell's marker) answers every layer whose boundary
                // does not come near the cell; the rest, the mixed primary layer included, ask their grids.
                // Element by element: a span copy of references is a call to the runtime's bulk copy, which costs
                // more than four stores.
                var from = _rowAnswers.AsSpan(row * grids.Length, grids.Length);
                for (var l = 0; l < from.Length; l++)
                {
                    answers[l] = from[l];
                }

                if (_rowLooksUp[row])
                {
                    for (var l = 0; l < from.Length; l++)
                    {
                        if (ReferenceEquals(from[l].Area, _lookUp))
                        {
                            answers[l] = Answer(LocateOn(l, word, x, y));
                        }
                    }
                }

                return;
            }
        }

        for (var l = 0; l < grids.Length; l++)
        {
            answers[l] = Answer(LocateOn(l, word, x, y));
        }
    }

    /// <summary>As <see cref="ResolveWith"/>, as indexes into <see cref="Areas"/> (-1 for none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LocateAllWith(int word, double x, double y, Span<int> areas)
    {
        var grids = _grids;
        if (_directory is { } directory)
        {
            var row = directory.RowOfWord(word);
            if (row >= 0)
            {
                var from = directory.Rows.AsSpan(row * grids.Length, grids.Length);
                for (var l = 0; l < from.Length; l++)
                {
                    var area = from[l];
                    areas[l] = area == LayerDirectory.LookUp ? LocateOn(l, word, x, y) : area;
                }

                return;
            }
        }

        for (var l = 0; l < grids.Length; l++)
        {
            areas[l] = LocateOn(l, word, x, y);
        }
    }

    // The primary layer's word is known; the others' cells are found here.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LocateOn(int layer, int primaryWord, double x, double y) =>
        layer == _primary ? _grids[layer].LocateWith(primaryWord, x, y) : _grids[layer].Locate(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int LocateUnchecked(double x, double y, int layer) => _grids[layer].Locate(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ResolvedArea Answer(int area) => area < 0 ? default : new ResolvedArea(_areas[area]);

    internal static void Validate(double x, double y, BoundaryCrs crs)
    {
        if (!IsValid(x, y, crs))
        {
            throw new ArgumentException(Describe(x, y, crs));
        }
    }

    internal static string Describe(double x, double y, BoundaryCrs crs) => crs == BoundaryCrs.Wgs84
        ? $"({x}, {y}) is not a WGS84 longitude/latitude: both must be finite, longitude in [-180, 180] and latitude in [-90, 90]."
        : $"({x}, {y}) is not a British National Grid easting/northing: both must be finite, easting in [-100000, 800000] and northing in [-100000, 1400000] metres.";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsValid(double x, double y, BoundaryCrs crs) => crs == BoundaryCrs.Wgs84
        ? x >= -180 && x <= 180 && y >= -90 && y <= 90
        : x >= -100_000 && x <= 800_000 && y >= -100_000 && y <= 1_400_000;

    /// <summary>
    /// Refuses a boundary no query could reach, with its feature named: coordinates that are not finite, or beyond ten
    /// times the CRS's query range (a polygon 1e200 wide would otherwise leave no room for a grid, or overflow it).
    /// </summary>
    private static void CheckExtents(BoundaryLayer layer)
    {
        var (limitX, limitY) = layer.Boundaries.Crs == BoundaryCrs.Wgs84 ? (1_800.0, 900.0) : (8_000_000.0, 14_000_000.0);
        var features = layer.Boundaries.Features;
        for (var i = 0; i < features.Count; i++)
        {
            var envelope = features[i].Geometry.EnvelopeInternal;
            if (envelope.IsNull)
            {
                continue;
            }

            var finite = double.IsFinite(envelope.MinX) && double.IsFinite(envelope.MaxX) && double.IsFinite(envelope.MinY) && double.IsFinite(envelope.MaxY);
            if (!finite || envelope.MinX < -limitX || envelope.MaxX > limitX || envelope.MinY < -limitY || envelope.MaxY > limitY)
            {
                throw new BoundaryFileException(
                    layer.Boundaries.Report.Source,
                    null,
                    i + 1,
                    $"boundary '{features[i].Code}' of layer '{layer.Name}' spans x {envelope.MinX:G6} to {envelope.MaxX:G6}, y {envelope.MinY:G6} to {envelope.MaxY:G6}, " +
                    $"outside any {BoundaryCrsParser.Format(layer.Boundaries.Crs)} position (|x| up to {limitX:G}, |y| up to {limitY:G}); fix or drop the feature.");
            }
        }
    }

    private (double X, double Y) Convert(double x, double y, BoundaryCrs from)
    {
        if (_converter is null)
        {
            throw new BoundaryCrsException(
                $"The point is in {BoundaryCrsParser.Format(from)} but the index is in {BoundaryCrsParser.Format(Crs)}, and no GridConverter was given in the options " +
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

    // The batch stages (see IBatchSink). With a directory, the later stages fetch only what the primary cell's row
    // leaves to the other layers; without one (a single layer), the first grid is the primary.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CellAhead(double x, double y)
    {
        var grids = _grids;
        var primary = _primary;
        var cell = grids[primary].CellOf(x, y);
        grids[primary].PrefetchWord(cell);
        if (_directory is null)
        {
            for (var l = 0; l < grids.Length; l++)
            {
                if (l != primary)
                {
                    grids[l].PrefetchCell(x, y);
                }
            }
        }

        return cell;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int WordAhead(int cell, double x, double y)
    {
        var grids = _grids;
        var word = grids[_primary].WordOf(cell);
        if (_directory is not { } directory)
        {
            for (var l = 0; l < grids.Length; l++)
            {
                if (l != _primary)
                {
                    grids[l].PrefetchRuns(x, y);
                }
            }

            return word;
        }

        // Only the cell word is in cache yet: a mixed cell's row marker is read in the next stage.
        var row = Math.Max(word, -1);
        if (row < 0 || _rowLooksUp[row])
        {
            PrefetchLeftLayers(directory, row, word, x, y, edges: false);
        }

        return word;
    }

    // indexes: whether the lookup will read the row as area indexes (the directory's rows) or as answers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FollowAhead(int word, double x, double y, bool indexes)
    {
        var grids = _grids;
        if (_directory is not { } directory)
        {
            for (var l = 0; l < grids.Length; l++)
            {
                if (l == _primary)
                {
                    grids[l].PrefetchEdgesOf(word);
                }
                else
                {
                    grids[l].PrefetchEdges(x, y);
                }
            }

            return;
        }

        var row = directory.RowOfWord(word);
        if (row >= 0)
        {
            // The row is read at lookup time: a cold line otherwise (the rows are hundreds of KB).
            if (indexes)
            {
                Prefetch(directory.Rows, row * grids.Length);
            }
            else
            {
                Prefetch(_rowAnswers, row * grids.Length);
            }

            if (!_rowLooksUp[row])
            {
                return;
            }
        }

        PrefetchLeftLayers(directory, row, word, x, y, edges: true);
    }

    /// <summary>
    /// A block's second stage with a directory: each primary cell's word (its runs asked for when mixed, and its row
    /// when pure), and the points listed as simple (a pure cell whose row answers every layer) or not. Branch-free per
    /// point: which kind a point is cannot be predicted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Simple, int Others) Partition(LayerDirectory directory, Span<int> words, Span<int> simple, Span<int> rest, bool indexes)
    {
        var primary = _grids[_primary];
        var looksUp = _rowLooksUp;
        var layers = _grids.Length;
        int s = 0, r = 0;
        for (var j = 0; j < words.Length; j++)
        {
            var word = primary.WordAsking(words[j]);
            words[j] = word;
            var row = word & ~(word >> 31);
            if (indexes)
            {
                Prefetch(directory.Rows, row * layers);
            }
            else
            {
                Prefetch(_rowAnswers, row * layers);
            }

            var isSimple = (word >= 0) & !looksUp[row];
            simple[s] = j;
            rest[r] = j;
            s += isSimple ? 1 : 0;
            r += isSimple ? 0 : 1;
        }

        return (s, r);
    }


    /// <summary>The edges of the layers other than the primary that the primary cell's row leaves to their grids (all of them where it has no row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PrefetchLeftEdges(LayerDirectory directory, int primaryWord, double x, double y)
    {
        var grids = _grids;
        var row = directory.RowOfWord(primaryWord);
        for (var l = 0; l < grids.Length; l++)
        {
            if (l != directory.Primary && (row < 0 || directory.Rows[(row * grids.Length) + l] == LayerDirectory.LookUp))
            {
                grids[l].PrefetchEdges(x, y);
            }
        }
    }

    // The layers the row leaves to their grids (every layer where there is no row), one read further on: the primary's
    // cell word came a stage earlier than the others'. edges: the third stage (else the second, where the primary's
    // runs are already asked for by its word).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PrefetchLeftLayers(LayerDirectory directory, int row, int primaryWord, double x, double y, bool edges)
    {
        var grids = _grids;
        for (var l = 0; l < grids.Length; l++)
        {
            if (row >= 0 && directory.Rows[(row * grids.Length) + l] != LayerDirectory.LookUp)
            {
                continue;
            }

            var grid = grids[l];
            if (l == directory.Primary)
            {
                if (edges)
                {
                    grid.PrefetchEdgesOf(primaryWord);
                }
            }
            else if (edges)
            {
                grid.PrefetchRuns(x, y);
            }
            else
            {
                grid.PrefetchCell(x, y);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch<T>(T[] array, int at)
    {
        if (Sse.IsSupported && (uint)at < (uint)array.Length)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), at)));
        }
    }

    // Two or more layers. Fills either answers or, when asIndexes, area indexes: one sink, so both forms read ahead the same way.
    private readonly ref struct LayerSink(BoundaryResolver resolver, Span<ResolvedArea> answers, Span<int> indexes, bool asIndexes) : IBatchSink
    {
        private const int RunsLag = 4;
        private const int EdgesLag = 8;
        private const int ResolveLag = 12;

        private readonly Span<ResolvedArea> _answers = answers;
        private readonly Span<int> _indexes = indexes;

        public void Resolve(scoped ReadOnlySpan<double> bx, scoped ReadOnlySpan<double> by, scoped ReadOnlySpan<int> at, scoped Span<int> scratch, ref Backlog backlog)
        {
            var words = scratch[..bx.Length];
            by = by[..words.Length];
            for (var j = 0; j < words.Length; j++)
            {
                words[j] = resolver.CellAhead(bx[j], by[j]);
            }

            if (resolver._directory is not { } directory || resolver._rowLooksUp.Length == 0)
            {
                Stepwise(bx, by, at, words);
                return;
            }

            // Most points fall in a pure primary cell whose row answers every layer: those are answered here, apart
            // from the rest (a mixed primary cell, a row with a look-up entry, outside), so neither list branches per
            // point on which kind it is. The rest go to the backlog, where the other layers' cells are asked for now,
            // their runs (and the primary's edges and the row) a few entries later, their edges later still, and the
            // point is resolved last.
            var simple = scratch.Slice(SpatialBatch.Block, words.Length);
            var rest = scratch.Slice(2 * SpatialBatch.Block, words.Length);
            var (s, r) = resolver.Partition(directory, words, simple, rest, asIndexes);
            for (var k = 0; k < r; k++)
            {
                var j = rest[k];
                resolver.PrefetchLeftLayers(directory, Math.Max(words[j], -1), words[j], bx[j], by[j], edges: false);
                backlog.Add(bx[j], by[j], words[j], at[j]);
            }

            var layers = resolver._grids.Length;
            for (var k = 0; k < s; k++)
            {
                var j = simple[k];
                if (asIndexes)
                {
                    Copy(directory.Rows.AsSpan(words[j] * layers, layers), _indexes.Slice(at[j] * layers, layers));
                }
                else
                {
                    Copy(resolver._rowAnswers.AsSpan(words[j] * layers, layers), _answers.Slice(at[j] * layers, layers));
                }
            }

            Advance(directory, ref backlog, backlog.Added - RunsLag, backlog.Added - EdgesLag, backlog.Added - ResolveLag);
        }

        public void Flush(ref Backlog backlog)
        {
            if (resolver._directory is { } directory)
            {
                Advance(directory, ref backlog, backlog.Added, backlog.Added, backlog.Added);
            }
        }

        private void Advance(LayerDirectory directory, ref Backlog backlog, int runs, int edges, int resolved)
        {
            for (; backlog.First < runs; backlog.First++)
            {
                var e = backlog.First;
                resolver.FollowAhead(backlog.Word(e), backlog.X(e), backlog.Y(e), asIndexes);
            }

            for (; backlog.Second < edges; backlog.Second++)
            {
                var e = backlog.Second;
                resolver.PrefetchLeftEdges(directory, backlog.Word(e), backlog.X(e), backlog.Y(e));
            }

            for (; backlog.Done < resolved; backlog.Done++)
            {
                var e = backlog.Done;
                Write(backlog.Slot(e), backlog.Word(e), backlog.X(e), backlog.Y(e));
            }
        }

        // Element by element: a span copy is a call to the runtime's memmove, which costs more than four stores.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Copy<T>(ReadOnlySpan<T> from, Span<T> to)
        {
            to = to[..from.Length];
            for (var l = 0; l < from.Length; l++)
            {
                to[l] = from[l];
            }
        }

        // Without a directory (several layers over an empty primary) or rows, each stage for every point.
        private void Stepwise(scoped ReadOnlySpan<double> bx, scoped ReadOnlySpan<double> by, scoped ReadOnlySpan<int> at, scoped Span<int> words)
        {
            for (var j = 0; j < words.Length; j++)
            {
                words[j] = resolver.WordAhead(words[j], bx[j], by[j]);
            }

            for (var j = 0; j < words.Length; j++)
            {
                resolver.FollowAhead(words[j], bx[j], by[j], asIndexes);
            }

            for (var j = 0; j < words.Length; j++)
            {
                Write(at[j], words[j], bx[j], by[j]);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Write(int slot, int word, double x, double y)
        {
            var layers = resolver._grids.Length;
            if (asIndexes)
            {
                resolver.LocateAllWith(word, x, y, _indexes.Slice(slot * layers, layers));
            }
            else
            {
                resolver.ResolveWith(word, x, y, _answers.Slice(slot * layers, layers));
            }
        }
    }
}
