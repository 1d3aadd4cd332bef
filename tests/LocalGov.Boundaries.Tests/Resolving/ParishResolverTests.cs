using LocalGov.Postcodes.Grid;
using static LocalGov.Boundaries.Tests.Resolving.TestSets;

namespace LocalGov.Boundaries.Tests.Resolving;

public sealed class ParishResolverTests
{
    // Two parishes side by side, an unparished area to the east, a district around them all.
    private static readonly BoundarySet Parishes = Set(
        BoundaryCrs.BritishNationalGrid,
        ("E04000001", "POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))"),
        ("E04000002", "POLYGON ((401000 200000, 402000 200000, 402000 201000, 401000 201000, 401000 200000))"),
        ("E43000001", "POLYGON ((402000 200000, 403000 200000, 403000 201000, 402000 201000, 402000 200000))"));

    private static readonly BoundarySet Districts = Set(
        BoundaryCrs.BritishNationalGrid,
        ("E07000004", "POLYGON ((399000 199000, 404000 199000, 404000 202000, 399000 202000, 399000 199000))"));

    [Theory]
    [InlineData(400500, 200500, "E04000001", AreaKind.Parish)]
    [InlineData(401500, 200500, "E04000002", AreaKind.Parish)]
    [InlineData(402500, 200500, "E43000001", AreaKind.NonParishedArea)]
    [InlineData(399500, 200500, "E07000004", AreaKind.District)]
    [InlineData(403900, 201900, "E07000004", AreaKind.District)]
    public void Resolves_parish_else_district(double x, double y, string code, AreaKind kind)
    {
        var resolver = ParishResolver.Build(Parishes, Districts);

        var result = resolver.Resolve(x, y);

        Assert.Equal(code, result.Code);
        Assert.Equal(kind, result.Kind);
        Assert.Equal("Name of " + code, result.Name);
    }

    [Theory]
    [InlineData(400500, 200500)]
    [InlineData(402500, 200500)]
    [InlineData(399500, 200500)]
    public void The_district_is_found_whether_or_not_a_parish_covers_the_point(double x, double y)
    {
        var resolver = ParishResolver.Build(Parishes, Districts);

        var district = resolver.ResolveDistrict(x, y);

        Assert.Equal(("E07000004", AreaKind.District), (district.Code, district.Kind));
        Assert.False(resolver.ResolveDistrict(300000, 300000).IsFound);
        Assert.False(ParishResolver.Build(Parishes).ResolveDistrict(x, y).IsFound);
        Assert.Throws<ArgumentException>(() => resolver.ResolveDistrict(double.NaN, y));
    }

    [Fact]
    public void The_district_of_a_wgs84_point_is_found_through_the_converter()
    {
        var resolver = ParishResolver.Build(Parishes, Districts, new ParishResolverOptions { GridConverter = new HelmertGridConverter() });
        var converter = new HelmertGridConverter();
        var point = converter.ToWgs84(new BngCoordinate(400500, 200500));

        Assert.Equal("E07000004", resolver.ResolveDistrict(point.Longitude, point.Latitude, BoundaryCrs.Wgs84).Code);
        Assert.Equal("E04000001", resolver.Resolve(point.Longitude, point.Latitude, BoundaryCrs.Wgs84).Code);
    }

    [Fact]
    public void Outside_everything_is_none()
    {
        var resolver = ParishResolver.Build(Parishes, Districts);

        var result = resolver.Resolve(300000, 300000);

        Assert.Equal(AreaKind.None, result.Kind);
        Assert.False(result.IsFound);
        Assert.Null(result.Code);
    }

    [Fact]
    public void Without_districts_an_unparished_point_is_none()
    {
        var resolver = ParishResolver.Build(Parishes);

        Assert.Equal(AreaKind.None, resolver.Resolve(399500, 200500).Kind);
    }

    [Theory]
    [InlineData(401000, 200500, "E04000002")] // on the shared vertical edge: the eastern neighbour
    [InlineData(402000, 200500, "E43000001")]
    [InlineData(401000, 200000, "E04000002")] // shared vertex on the southern boundary
    [InlineData(400000, 200500, "E04000001")] // western outer edge: inside
    [InlineData(400500, 200000, "E04000001")] // southern outer edge: inside
    [InlineData(403000, 200500, "E43000001")] // eastern outer edge: only the parish layer's area holds it (Covers), so not the district
    [InlineData(400500, 201000, "E04000001")] // northern outer edge: likewise the parish whose closed boundary holds it
    [InlineData(403000.0000001, 200500, "E07000004")] // just beyond it: the district
    public void A_point_on_an_edge_gets_the_area_just_east_and_north_of_it(double x, double y, string code)
    {
        foreach (var density in new[] { 1.0, 60.0, 64.0 })
        {
            var resolver = ParishResolver.Build(Parishes, Districts, new ParishResolverOptions { CellsPerVertex = density });

            Assert.Equal(code, resolver.Resolve(x, y).Code);
        }
    }

    [Fact]
    public void Holes_and_islands_are_exact()
    {
        var set = Set(
            BoundaryCrs.BritishNationalGrid,
            ("E04000010", "MULTIPOLYGON (((0 0, 1000 0, 1000 1000, 0 1000, 0 0), (200 200, 800 200, 800 800, 200 800, 200 200)), ((400 400, 600 400, 600 600, 400 600, 400 400)), ((5000 5000, 5100 5000, 5100 5100, 5000 5100, 5000 5000)))"),
            ("E04000011", "POLYGON ((200 200, 800 200, 800 800, 200 800, 200 200), (400 400, 600 400, 600 600, 400 600, 400 400))"));
        var resolver = ParishResolver.Build(set);

        Assert.Equal("E04000010", resolver.Resolve(100, 100).Code);
        Assert.Equal("E04000011", resolver.Resolve(300, 300).Code);
        Assert.Equal("E04000010", resolver.Resolve(500, 500).Code); // island inside the hole of the hole
        Assert.Equal("E04000010", resolver.Resolve(5050, 5050).Code); // detached island
        Assert.False(resolver.Resolve(3000, 3000).IsFound);
    }

    [Fact]
    public void Where_areas_overlap_the_first_loaded_wins()
    {
        var set = Set(
            BoundaryCrs.BritishNationalGrid,
            ("E04000020", "POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"),
            ("E04000021", "POLYGON ((500 500, 1500 500, 1500 1500, 500 1500, 500 500))"));
        var resolver = ParishResolver.Build(set);

        Assert.Equal("E04000020", resolver.Resolve(700, 700).Code);
        Assert.Equal("E04000021", resolver.Resolve(1200, 1200).Code);
    }

    [Theory]
    [InlineData(double.NaN, 200000)]
    [InlineData(400000, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 200000)]
    [InlineData(5_000_000, 200000)]
    [InlineData(400000, -2_000_000)]
    public void Invalid_coordinates_are_rejected(double x, double y)
    {
        var resolver = ParishResolver.Build(Parishes);

        Assert.Throws<ArgumentException>(() => resolver.Resolve(x, y));
    }

    [Fact]
    public void Batch_gives_the_same_answers_in_order_and_rejects_bad_input()
    {
        var resolver = ParishResolver.Build(Parishes, Districts);
        double[] xs = [400500, 401500, 402500, 399500, 300000];
        double[] ys = [200500, 200500, 200500, 200500, 300000];
        var results = new ResolvedArea[5];

        resolver.ResolveMany(xs, ys, results);

        Assert.Equal(["E04000001", "E04000002", "E43000001", "E07000004", null], results.Select(r => r.Code));
        Assert.Throws<ArgumentException>(() => resolver.ResolveMany(xs, ys.AsSpan(1), results));
        Assert.Throws<ArgumentException>(() => resolver.ResolveMany([double.NaN], [1.0], results));
    }

    [Fact]
    public void Parallel_batches_match_the_sequential_ones()
    {
        var resolver = ParishResolver.Build(Parishes, Districts, new ParishResolverOptions { MaxDegreeOfParallelism = 4 });
        var random = new Random(5);
        var n = 100_000;
        var xs = Enumerable.Range(0, n).Select(_ => 398_000 + (random.NextDouble() * 7000)).ToArray();
        var ys = Enumerable.Range(0, n).Select(_ => 198_000 + (random.NextDouble() * 5000)).ToArray();
        var sequential = new ResolvedArea[n];
        var parallel = new ResolvedArea[n];

        resolver.ResolveMany(xs, ys, sequential);
        resolver.ResolveManyInParallel(xs, ys, parallel, TestContext.Current.CancellationToken);

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void A_query_in_the_other_crs_without_a_converter_is_refused()
    {
        var resolver = ParishResolver.Build(Parishes);

        var ex = Assert.Throws<BoundaryCrsException>(() => resolver.Resolve(-0.8, 51.8, BoundaryCrs.Wgs84));
        Assert.Contains("GridConverter", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_in_the_other_crs_is_converted()
    {
        var resolver = ParishResolver.Build(Parishes, Districts, new ParishResolverOptions { GridConverter = new FixedConverter() });

        Assert.Equal("E04000002", resolver.Resolve(-0.8, 51.8, BoundaryCrs.Wgs84).Code);
        Assert.Throws<ArgumentException>(() => resolver.Resolve(-200, 51.8, BoundaryCrs.Wgs84));
    }

    [Fact]
    public void Layers_in_different_crs_are_refused()
    {
        var wgs = Set(BoundaryCrs.Wgs84, ("E07000004", "POLYGON ((-1 51, 0 51, 0 52, -1 52, -1 51))"));

        Assert.Throws<BoundaryCrsException>(() => ParishResolver.Build(Parishes, wgs));
    }

    [Fact]
    public void Resolving_allocates_nothing()
    {
        var resolver = ParishResolver.Build(Parishes, Districts);
        double[] xs = [400500, 401500, 402500, 399500, 300000, 400999.5, 401000, 401000];
        double[] ys = [200500, 200500, 200500, 200500, 300000, 200000.5, 200500, 200000];
        var results = new ResolvedArea[xs.Length];
        resolver.ResolveMany(xs, ys, results);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            resolver.ResolveMany(xs, ys, results);
            _ = resolver.Resolve(401234, 200321);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>A test-only converter: every WGS84 point maps to one grid point in parish E04000002.</summary>
    private sealed class FixedConverter : IGridConverter
    {
        public BngCoordinate ToBng(Wgs84Coordinate point) => new(401500, 200500);

        public Wgs84Coordinate ToWgs84(BngCoordinate point) => new(51.8, -0.8);
    }
}
