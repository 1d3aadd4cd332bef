using LocalGov.Boundaries.Resolving;
using static LocalGov.Boundaries.Tests.Resolving.TestSets;

namespace LocalGov.Boundaries.Tests.Resolving;

public sealed class BoundaryResolverTests
{
    private static readonly BoundarySet Parishes = Set(
        BoundaryCrs.BritishNationalGrid,
        ("E04000001", "POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))"),
        ("E43000001", "POLYGON ((401000 200000, 402000 200000, 402000 201000, 401000 201000, 401000 200000))"));

    private static readonly BoundarySet Wards = Set(
        BoundaryCrs.BritishNationalGrid,
        ("E05000001", "POLYGON ((399000 199000, 401500 199000, 401500 202000, 399000 202000, 399000 199000))"),
        ("E05000002", "POLYGON ((401500 199000, 404000 199000, 404000 202000, 401500 202000, 401500 199000))"));

    private static readonly BoundarySet Districts = Set(
        BoundaryCrs.BritishNationalGrid,
        ("E07000004", "POLYGON ((399000 199000, 404000 199000, 404000 202000, 399000 202000, 399000 199000))"));

    private static readonly BoundarySet Counties = Set(
        BoundaryCrs.BritishNationalGrid,
        ("E10000002", "MULTIPOLYGON (((390000 190000, 410000 190000, 410000 210000, 390000 210000, 390000 190000), (402500 200000, 403000 200000, 403000 200500, 402500 200500, 402500 200000)))"));

    private static BoundaryResolver FourLayers(BoundaryResolverOptions? options = null) => BoundaryResolver.Build(
        [new("parish", Parishes), new("ward", Wards), new("district", Districts), new("county", Counties)], options);

    [Fact]
    public void Every_layer_answers_at_once_in_layer_order()
    {
        var resolver = FourLayers();
        var answers = new ResolvedArea[4];

        resolver.Resolve(400500, 200500, answers);

        Assert.Equal(["parish", "ward", "district", "county"], resolver.LayerNames);
        Assert.Equal(("E04000001", AreaKind.Parish), (answers[0].Code, answers[0].Kind));
        Assert.Equal(("E05000001", AreaKind.Ward), (answers[1].Code, answers[1].Kind));
        Assert.Equal(("E07000004", AreaKind.District), (answers[2].Code, answers[2].Kind));
        Assert.Equal(("E10000002", AreaKind.County), (answers[3].Code, answers[3].Kind));

        resolver.Resolve(401500, 200500, answers);
        Assert.Equal(AreaKind.NonParishedArea, answers[0].Kind);
        Assert.Equal("E05000002", answers[1].Code); // on the shared ward edge: the ward east of it

        resolver.Resolve(402700, 200200, answers);   // in the county's hole, outside every parish
        Assert.Equal([AreaKind.None, AreaKind.Ward, AreaKind.District, AreaKind.None], answers.Select(a => a.Kind));
    }

    [Fact]
    public void One_layer_by_position_and_by_name()
    {
        var resolver = FourLayers();

        Assert.Equal(2, resolver.LayerIndex("DISTRICT"));
        Assert.Equal(-1, resolver.LayerIndex("constituency"));
        Assert.Equal("E05000002", resolver.Resolve(403000, 201000, resolver.LayerIndex("ward")).Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => resolver.Resolve(403000, 201000, 4));
    }

    [Fact]
    public void Batches_and_parallel_batches_agree_with_single_points()
    {
        var resolver = FourLayers(new BoundaryResolverOptions { MaxDegreeOfParallelism = 2 });
        var random = new Random(15);
        var n = 40_000;
        var xs = new double[n];
        var ys = new double[n];
        for (var i = 0; i < n; i++)
        {
            xs[i] = 398_000 + (random.NextDouble() * 7_000);
            ys[i] = 198_000 + (random.NextDouble() * 5_000);
        }

        var many = new ResolvedArea[n * 4];
        var parallel = new ResolvedArea[n * 4];
        resolver.ResolveMany(xs, ys, many);
        resolver.ResolveManyInParallel(xs, ys, parallel, TestContext.Current.CancellationToken);
        var one = new ResolvedArea[4];
        for (var i = 0; i < n; i++)
        {
            resolver.Resolve(xs[i], ys[i], one);
            Assert.Equal(one, many.AsSpan(i * 4, 4).ToArray());
        }

        Assert.Equal(many, parallel);
    }

    [Theory]
    [InlineData(BatchSorting.Never, 1)]
    [InlineData(BatchSorting.Never, 2)]
    [InlineData(BatchSorting.Always, 1)]
    [InlineData(BatchSorting.Always, 2)]
    public void Area_indexes_name_the_same_areas_as_the_answers_on_every_layer(BatchSorting sorting, int threads)
    {
        var options = new BoundaryResolverOptions { SortBatches = sorting, MaxDegreeOfParallelism = threads };
        foreach (var resolver in new[] { FourLayers(options), BoundaryResolver.Build([new("parish", Parishes)], options) })
        {
            var layers = resolver.LayerCount;
            var (xs, ys) = GridAndRandomPoints(300_000);
            var answers = new ResolvedArea[xs.Length * layers];
            var indexes = new int[xs.Length * layers];
            var inParallel = new int[xs.Length * layers];

            resolver.ResolveMany(xs, ys, answers);
            resolver.ResolveMany(xs, ys, indexes);
            resolver.ResolveManyInParallel(xs, ys, inParallel, TestContext.Current.CancellationToken);

            Assert.Equal(Codes(answers), indexes.Select(i => i < 0 ? (AreaKind.None, null) : (resolver.Areas[i].Kind, (string?)resolver.Areas[i].Code)));
            Assert.Equal(indexes, inParallel);
            Assert.Contains(-1, indexes);
            Assert.All(indexes, i => Assert.InRange(i, -1, resolver.Areas.Count - 1));
        }
    }

    [Fact]
    public void Area_index_batches_refuse_bad_input_by_position_and_allocate_nothing()
    {
        var resolver = FourLayers(new BoundaryResolverOptions { SortBatches = BatchSorting.Never });
        var (xs, ys) = GridAndRandomPoints(100);
        var indexes = new int[xs.Length * 4];
        resolver.ResolveMany(xs, ys, indexes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 20; k++)
        {
            resolver.ResolveMany(xs, ys, indexes);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Throws<ArgumentException>(() => resolver.ResolveMany(xs, ys, new int[(xs.Length * 4) - 1]));
        Assert.Throws<ArgumentException>(() => resolver.ResolveManyInParallel(xs, ys.AsMemory(1), indexes, TestContext.Current.CancellationToken));
        xs[60] = double.NaN;
        var error = Assert.Throws<ArgumentException>(() => resolver.ResolveMany(xs, ys, indexes));
        Assert.Contains("index 60", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Batches_sorted_along_a_z_curve_answer_as_the_unsorted_path_in_input_order(int threads)
    {
        var sorted = FourLayers(new BoundaryResolverOptions { SortBatches = BatchSorting.Always, MaxDegreeOfParallelism = threads });
        var unsorted = FourLayers(new BoundaryResolverOptions { SortBatches = BatchSorting.Never, MaxDegreeOfParallelism = threads });
        var (xs, ys) = GridAndRandomPoints(300_000);
        var expected = new ResolvedArea[xs.Length * 4];
        var actual = new ResolvedArea[xs.Length * 4];

        unsorted.ResolveMany(xs, ys, expected);
        sorted.ResolveMany(xs, ys, actual);
        Assert.Equal(Codes(expected), Codes(actual));

        Array.Clear(actual);
        sorted.ResolveManyInParallel(xs, ys, actual, TestContext.Current.CancellationToken);
        Assert.Equal(Codes(expected), Codes(actual));

        // A batch that is already grouped (here in rows) is left in its order; the answers are the same.
        var rows = Enumerable.Range(0, xs.Length).OrderBy(i => Math.Round(ys[i] / 100)).ThenBy(i => xs[i]).ToArray();
        double[] gx = [.. rows.Select(i => xs[i])], gy = [.. rows.Select(i => ys[i])];
        var groupedExpected = new ResolvedArea[xs.Length * 4];
        unsorted.ResolveMany(gx, gy, groupedExpected);
        sorted.ResolveMany(gx, gy, actual);
        Assert.Equal(Codes(groupedExpected), Codes(actual));

        // The parish-else-district convenience sorts the same way.
        var parishSorted = ParishResolver.Build(Parishes, Districts, new ParishResolverOptions { SortBatches = BatchSorting.Always, MaxDegreeOfParallelism = threads });
        var parishUnsorted = ParishResolver.Build(Parishes, Districts, new ParishResolverOptions { SortBatches = BatchSorting.Never });
        var parishExpected = new ResolvedArea[xs.Length];
        var parishActual = new ResolvedArea[xs.Length];
        parishUnsorted.ResolveMany(xs, ys, parishExpected);
        parishSorted.ResolveManyInParallel(xs, ys, parishActual, TestContext.Current.CancellationToken);
        Assert.Equal(Codes(parishExpected), Codes(parishActual));
        Assert.Contains(parishExpected, a => a.Kind == AreaKind.District);
    }

    [Theory]
    [InlineData(BatchSorting.Auto, 1_000_000, false)]
    [InlineData(BatchSorting.Never, 1_000_000, false)]
    [InlineData(BatchSorting.Always, 1_000_000, true)]
    [InlineData(BatchSorting.Always, 1, false)]
    public void Only_always_sorts_a_batch(BatchSorting sorting, int count, bool sorted) =>
        Assert.Equal(sorted, SpatialBatch.ShouldSort(sorting, count));

    [Fact]
    public void A_sorted_batch_names_the_input_position_of_an_invalid_point()
    {
        var resolver = FourLayers(new BoundaryResolverOptions { SortBatches = BatchSorting.Always });
        var (xs, ys) = GridAndRandomPoints(20_000);
        xs[12_345] = double.NaN;

        var ex = Assert.Throws<ArgumentException>(() => resolver.ResolveMany(xs, ys, new ResolvedArea[xs.Length * 4]));

        Assert.Contains("index 12345", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sorted_batches_allocate_nothing_once_the_pool_is_warm()
    {
        var resolver = FourLayers(new BoundaryResolverOptions { SortBatches = BatchSorting.Always });
        var (xs, ys) = GridAndRandomPoints(20_000);
        var answers = new ResolvedArea[xs.Length * 4];
        resolver.ResolveMany(xs, ys, answers);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 5; k++)
        {
            resolver.ResolveMany(xs, ys, answers);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // Two resolvers hold their own area objects, so answers are compared by what they say.
    private static (AreaKind, string?)[] Codes(ResolvedArea[] answers) => [.. answers.Select(a => (a.Kind, a.Code))];

    /// <summary>Random points over and around the layers, with every tenth point on the 500 m lattice (vertices and edges).</summary>
    private static (double[] Xs, double[] Ys) GridAndRandomPoints(int n)
    {
        var random = new Random(1515);
        var xs = new double[n];
        var ys = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (i % 10 == 0)
            {
                xs[i] = 388_000 + (500 * random.Next(0, 50));
                ys[i] = 188_000 + (500 * random.Next(0, 50));
            }
            else
            {
                xs[i] = 388_000 + (random.NextDouble() * 24_000);
                ys[i] = 188_000 + (random.NextDouble() * 24_000);
            }
        }

        return (xs, ys);
    }

    [Fact]
    public void A_boundary_two_areas_share_is_stored_once_in_each_cell_it_crosses()
    {
        // The parish layer's two squares share the edge x = 401000, with the same vertices on both sides.
        var resolver = BoundaryResolver.Build([new("parish", Parishes)], new BoundaryResolverOptions { CellsPerVertex = 64 });
        var grid = resolver.Grids[0];
        var (pairs, complements) = (0, 0);
        foreach (var word in grid.Cells)
        {
            if (word > -2)
            {
                continue;
            }

            var p = -word - 2;
            if (GridIndex.RunCount(grid.CellData, ref p) != 2)
            {
                continue;
            }

            // Only cells where the first square's edges are all on the shared line (not its top or bottom edge).
            var chains = grid.CellData[p + 1] >> 1;
            var onLine = true;
            for (var k = 0; k < chains; k++)
            {
                var (start, count) = (grid.CellData[p + 2 + (k * 2)], grid.CellData[p + 3 + (k * 2)]);
                for (var i = start; i < start + count - 1; i++)
                {
                    onLine &= grid.Points[i * 2] == 401000 && grid.Points[(i * 2) + 2] == 401000;
                }
            }

            if (!onLine)
            {
                continue;
            }

            pairs++;
            var second = p + 2 + (chains * 2);
            complements += grid.CellData[second + 1] == 1 ? 1 : 0;
        }

        Assert.True(pairs > 0, "no cell holds only the shared edge");
        Assert.Equal(pairs, complements);
        // On the shared edge the east square answers (the documented rule); either side, the square it is in.
        var answer = new ResolvedArea[1];
        foreach (var y in new[] { 200000.0, 200250, 200500.5, 200999.5 })
        {
            foreach (var x in new[] { Math.BitDecrement(401000.0), 401000, Math.BitIncrement(401000.0), 400999.99, 401000.01 })
            {
                resolver.Resolve(x, y, answer);
                Assert.Equal(x < 401000 ? "E04000001" : "E43000001", answer[0].Code);
            }
        }
    }

    [Fact]
    public void A_layer_with_few_vertices_gets_cells_near_the_size_of_the_dense_layers_and_answers_the_same()
    {
        // 100 squares of 1 km with a vertex every 10 m (40,000 vertices), and one 10 km square over them (5 vertices).
        var squares = new List<(string, string)>();
        for (var i = 0; i < 10; i++)
        {
            for (var j = 0; j < 10; j++)
            {
                var ring = new List<string>();
                double x0 = 400_000 + (i * 1000), y0 = 200_000 + (j * 1000);
                for (var k = 0; k < 100; k++)
                {
                    ring.Add($"{x0 + (k * 10)} {y0}");
                }

                for (var k = 0; k < 100; k++)
                {
                    ring.Add($"{x0 + 1000} {y0 + (k * 10)}");
                }

                for (var k = 0; k < 100; k++)
                {
                    ring.Add($"{x0 + 1000 - (k * 10)} {y0 + 1000}");
                }

                for (var k = 0; k < 100; k++)
                {
                    ring.Add($"{x0} {y0 + 1000 - (k * 10)}");
                }

                ring.Add(ring[0]);
                squares.Add(($"E04{(i * 10) + j:000000}", $"POLYGON (({string.Join(", ", ring)}))"));
            }
        }

        var dense = Set(BoundaryCrs.BritishNationalGrid, [.. squares]);
        var coarse = Set(BoundaryCrs.BritishNationalGrid, ("E07000004", "POLYGON ((400000 200000, 410000 200000, 410000 210000, 400000 210000, 400000 200000))"));
        var both = BoundaryResolver.Build([new("parish", dense), new("district", coarse)]);
        var alone = BoundaryResolver.Build([new("district", coarse)]);

        Assert.True(both.Grids[1].CellSize <= (4 * both.Grids[0].CellSize) + 1e-9, $"district cells {both.Grids[1].CellSize} m, parish cells {both.Grids[0].CellSize} m");
        Assert.True(alone.Grids[0].CellSize > 4 * both.Grids[0].CellSize, "on its own the district layer is coarse");
        Assert.True(both.Grids[1].Nx * (long)both.Grids[1].Ny <= (both.Grids[0].Nx * (long)both.Grids[0].Ny / 8) + (4 * (both.Grids[1].Nx + both.Grids[1].Ny)), "at most an eighth of the dense layer's cells");

        var (xs, ys) = (new double[20_000], new double[20_000]);
        var random = new Random(4);
        for (var i = 0; i < xs.Length; i++)
        {
            // Every fourth point on the 10 m lattice: on the district's edges and vertices too.
            xs[i] = i % 4 == 0 ? 399_000 + (10 * random.Next(0, 1200)) : 399_000 + (random.NextDouble() * 12_000);
            ys[i] = i % 4 == 0 ? 199_000 + (10 * random.Next(0, 1200)) : 199_000 + (random.NextDouble() * 12_000);
        }

        var answers = new ResolvedArea[xs.Length * 2];
        var reference = new ResolvedArea[xs.Length];
        both.ResolveMany(xs, ys, answers);
        alone.ResolveMany(xs, ys, reference);
        for (var i = 0; i < xs.Length; i++)
        {
            Assert.True(reference[i].Code == answers[(i * 2) + 1].Code, $"({xs[i]}, {ys[i]}): {reference[i]} alone, {answers[(i * 2) + 1]} beside the parishes");
        }
    }

    [Fact]
    public void Rows_of_the_primary_cells_answer_every_layer_as_that_layer_alone_on_vertices_edges_and_either_side()
    {
        // Primary: 100 one-kilometre squares, a vertex every 10 m. Beside them a slanted quadrilateral with a hole and a
        // second area sharing its slanted edge (edges at angles through many pure primary cells), and a layer of 25 m
        // squares in one corner, finer than the primary (its cells are smaller than a primary cell).
        var dense = Set(BoundaryCrs.BritishNationalGrid, [.. Squares(400_000, 200_000, 10, 1000, 100)]);
        var slanted = Set(
            BoundaryCrs.BritishNationalGrid,
            ("E10000001", "POLYGON ((400123.4567 200011.1, 409876.5 201234.25, 408765.125 209321.0625, 401010.1 207777.7, 400123.4567 200011.1), (403000.3 203000.7, 405000.9 203300.1, 404100.2 205900.6, 403000.3 203000.7))"),
            ("E10000002", "POLYGON ((400123.4567 200011.1, 401010.1 207777.7, 399500 209000, 399700 199800, 400123.4567 200011.1))"));
        var fine = Set(BoundaryCrs.BritishNationalGrid, [.. Squares(400_000, 200_000, 1, 25, 20)]);
        var layers = new BoundaryLayer[] { new("parish", dense), new("county", slanted) { Kind = AreaKind.County }, new("ward", fine) { Kind = AreaKind.Ward } };
        var resolver = BoundaryResolver.Build(layers);
        var directory = Assert.IsType<LayerDirectory>(resolver.Directory);
        Assert.Equal(0, directory.Primary);

        var alone = layers.Select(l => BoundaryResolver.Build([l])).ToArray();
        var points = new List<(double X, double Y)>();
        var random = new Random(15);
        for (var i = 0; i < 20_000; i++)
        {
            points.Add((399_000 + (random.NextDouble() * 12_000), 199_000 + (random.NextDouble() * 12_000)));
            points.Add((399_000 + (10 * random.Next(0, 1200)), 199_000 + (10 * random.Next(0, 1200))));
        }

        foreach (var feature in slanted.Features.Concat(fine.Features))
        {
            var ring = feature.Geometry.Coordinates;
            for (var k = 0; k + 1 < ring.Length; k++)
            {
                for (var t = 0.0; t <= 1; t += 0.125)
                {
                    var (x, y) = (ring[k].X + (t * (ring[k + 1].X - ring[k].X)), ring[k].Y + (t * (ring[k + 1].Y - ring[k].Y)));
                    points.AddRange([(x, y), (Math.BitIncrement(x), y), (Math.BitDecrement(x), y), (x, Math.BitIncrement(y)), (x, Math.BitDecrement(y))]);
                }
            }
        }

        var answers = new ResolvedArea[3];
        var rowsUsed = 0;
        var lookUps = 0;
        var mixedRows = 0;
        foreach (var (x, y) in points)
        {
            resolver.Resolve(x, y, answers);
            var row = directory.RowOf(x, y);
            rowsUsed += row >= 0 ? 1 : 0;
            mixedRows += row >= 0 && directory.PureRowOf(x, y) < 0 ? 1 : 0;
            lookUps += row >= 0 && directory.Rows[(row * 3) + 1] == LayerDirectory.LookUp ? 1 : 0;
            for (var l = 0; l < layers.Length; l++)
            {
                var expected = alone[l].Resolve(x, y, 0);
                Assert.True(expected.Code == answers[l].Code, $"{layers[l].Name} at ({x:R}, {y:R}): {expected} alone, {answers[l]} in the layered resolver");
            }
        }

        // Every path ran: many points (half are on the 10 m lattice, in mixed cells) were answered by a row, mixed cells' rows among them, and some rows left the slanted layer to its own grid.
        Assert.True(rowsUsed > points.Count / 4, $"{rowsUsed} of {points.Count} points in a pure primary cell");
        Assert.True(lookUps > 100, $"{lookUps} rows left the slanted layer to its grid");
        Assert.True(mixedRows > 1000, $"{mixedRows} points in mixed primary cells answered by a row marker");

        static IEnumerable<(string, string)> Squares(double x0, double y0, int perSide, double side, int verticesPerSide)
        {
            var step = side / verticesPerSide;
            for (var i = 0; i < perSide; i++)
            {
                for (var j = 0; j < perSide; j++)
                {
                    double sx = x0 + (i * side), sy = y0 + (j * side);
                    var ring = new List<string>();
                    for (var k = 0; k < verticesPerSide; k++)
                    {
                        ring.Add($"{sx + (k * step)} {sy}");
                    }

                    for (var k = 0; k < verticesPerSide; k++)
                    {
                        ring.Add($"{sx + side} {sy + (k * step)}");
                    }

                    for (var k = 0; k < verticesPerSide; k++)
                    {
                        ring.Add($"{sx + side - (k * step)} {sy + side}");
                    }

                    for (var k = 0; k < verticesPerSide; k++)
                    {
                        ring.Add($"{sx} {sy + side - (k * step)}");
                    }

                    ring.Add(ring[0]);
                    yield return ($"E{perSide:00}{(i * perSide) + j:000000}", $"POLYGON (({string.Join(", ", ring)}))");
                }
            }
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1e300)]
    public void An_invalid_point_in_an_input_order_batch_is_named_and_the_points_before_it_are_answered(double bad)
    {
        // The batch works in blocks of 32 points: point 40 is in the second, checked before any of that block is looked up.
        var resolver = FourLayers(new BoundaryResolverOptions { SortBatches = BatchSorting.Never });
        var (xs, ys) = GridAndRandomPoints(100);
        xs[40] = bad;
        ys[41] = bad;
        var answers = new ResolvedArea[xs.Length * 4];

        var error = Assert.Throws<ArgumentException>(() => resolver.ResolveMany(xs, ys, answers));

        Assert.Contains("index 40", error.Message);
        var one = new ResolvedArea[4];
        for (var i = 0; i < 40; i++)
        {
            resolver.Resolve(xs[i], ys[i], one);
            Assert.Equal(one, answers.AsSpan(i * 4, 4).ToArray());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Points_in_mixed_cells_before_an_invalid_point_are_answered_too(bool indexes)
    {
        // Mixed cells wait in the batch's backlog; the points before a bad one must still be answered when it throws.
        var resolver = BoundaryResolver.Build([new("parish", Parishes)], new BoundaryResolverOptions { CellsPerVertex = 64 });
        var random = new Random(40);
        var xs = Enumerable.Range(0, 100).Select(_ => 401000 + ((random.NextDouble() - 0.5) * 20)).ToArray();
        var ys = Enumerable.Range(0, 100).Select(_ => 200000 + (random.NextDouble() * 1000)).ToArray();
        xs[40] = double.NaN;
        var answers = new ResolvedArea[xs.Length];
        var areaIndexes = new int[xs.Length];
        Array.Fill(areaIndexes, -7);

        var error = indexes
            ? Assert.Throws<ArgumentException>(() => resolver.ResolveMany(xs, ys, areaIndexes))
            : Assert.Throws<ArgumentException>(() => resolver.ResolveMany(xs, ys, answers));

        Assert.Contains("index 40", error.Message);
        var one = new ResolvedArea[1];
        for (var i = 0; i < 40; i++)
        {
            resolver.Resolve(xs[i], ys[i], one);
            Assert.True(one[0].IsFound);
            if (indexes)
            {
                Assert.Equal(one[0].Area, resolver.Areas[areaIndexes[i]]);
            }
            else
            {
                Assert.Equal(one[0], answers[i]);
            }
        }
    }

    [Fact]
    public void Layers_without_a_directory_resolve_batches_as_single_points()
    {
        // Empty layers leave no primary grid to build a directory over: the batch takes every stage for every point.
        var empty = Set(BoundaryCrs.BritishNationalGrid);
        var resolver = BoundaryResolver.Build([new("parish", empty), new("ward", empty)]);
        Assert.Null(resolver.Directory);
        var (xs, ys) = GridAndRandomPoints(70);
        var answers = new ResolvedArea[xs.Length * 2];
        var areaIndexes = new int[xs.Length * 2];

        resolver.ResolveMany(xs, ys, answers);
        resolver.ResolveMany(xs, ys, areaIndexes);

        Assert.All(answers, a => Assert.False(a.IsFound));
        Assert.All(areaIndexes, i => Assert.Equal(-1, i));
    }

    [Fact]
    public void Resolving_allocates_nothing()
    {
        var resolver = FourLayers();
        var xs = new[] { 400500.0, 401500, 402700, 403500 };
        var ys = new[] { 200500.0, 200500, 200200, 201500 };
        var answers = new ResolvedArea[16];
        resolver.ResolveMany(xs, ys, answers);
        resolver.Resolve(400500, 200500, answers.AsSpan(0, 4));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 100; k++)
        {
            resolver.ResolveMany(xs, ys, answers);
            resolver.Resolve(400500, 200500, answers.AsSpan(0, 4));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_layered_index_file_round_trips()
    {
        var resolver = FourLayers();
        using var stream = new MemoryStream();
        resolver.Save(stream);
        stream.Position = 0;

        var loaded = BoundaryResolver.Load(stream);

        Assert.Equal(resolver.LayerNames, loaded.LayerNames);
        Assert.Equal(resolver.Statistics, loaded.Statistics);
        var a = new ResolvedArea[4];
        var b = new ResolvedArea[4];
        for (var x = 398_500.0; x < 405_000; x += 137)
        {
            for (var y = 198_500.0; y < 203_000; y += 149)
            {
                resolver.Resolve(x, y, a);
                loaded.Resolve(x, y, b);
                for (var l = 0; l < 4; l++)
                {
                    Assert.Equal((a[l].Code, a[l].Kind), (b[l].Code, b[l].Kind));
                }
            }
        }
    }

    [Fact]
    public void A_version_2_file_loads_making_its_directory_and_answers_as_the_version_3_file()
    {
        var resolver = FourLayers();
        using var current = new MemoryStream();
        resolver.Save(current);
        using var older = new MemoryStream();
        IndexFile.Write(older, resolver, 2);
        older.Position = 0;

        var loaded = BoundaryResolver.Load(older);

        Assert.NotNull(loaded.Directory);
        Assert.Equal(resolver.Directory!.Rows, loaded.Directory.Rows);
        using var again = new MemoryStream();
        loaded.Save(again);
        Assert.Equal(current.ToArray(), again.ToArray());
        Assert.True(older.Length < current.Length, "version 2 has no directory section");
    }

    [Theory]
    [InlineData("row")]
    [InlineData("primary")]
    [InlineData("cell")]
    [InlineData("marker")]
    public void A_directory_entry_outside_the_index_is_refused(string damage)
    {
        var resolver = FourLayers();
        var directory = resolver.Directory!;
        var grid = directory.Grids[directory.Primary];
        switch (damage)
        {
            case "row":
                directory.Rows[directory.Rows.Length - 1] = resolver.Areas.Count;
                break;
            case "primary":
                // A pure cell's row must answer the primary layer itself (only a mixed cell's row leaves it to the grid).
                directory.Rows[(grid.Cells.First(v => v >= 0) * directory.LayerCount) + directory.Primary] = LayerDirectory.LookUp;
                break;
            case "marker":
                // A mixed cell's row marker (a negative word before its runs) naming a row past the end.
                var mixed = grid.Cells.First(v => v <= -2 && grid.CellData[-v - 2] < 0);
                grid.CellData[-mixed - 2] = -(directory.Rows.Length / directory.LayerCount) - 1;
                break;
            default:
                grid.Cells[Array.FindIndex(grid.Cells, v => v >= 0)] = directory.Rows.Length / directory.LayerCount;
                break;
        }

        using var stream = new MemoryStream();
        resolver.Save(stream);
        stream.Position = 0;

        var ex = Assert.Throws<BoundaryIndexFileException>(() => BoundaryResolver.Load(stream));
        Assert.Contains(damage == "cell" ? "a cell refers outside the index" : "a directory row refers outside the index", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Rebuild the index", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parish_resolver_file_loads_as_layers_and_a_layered_file_without_parish_is_refused_by_parish_resolver()
    {
        var parish = ParishResolver.Build(Parishes, Districts);
        using var stream = new MemoryStream();
        parish.Save(stream);
        stream.Position = 0;
        var layers = BoundaryResolver.Load(stream);
        Assert.Equal(["parish", "district"], layers.LayerNames);

        using var wardsOnly = new MemoryStream();
        BoundaryResolver.Build([new("ward", Wards)]).Save(wardsOnly);
        wardsOnly.Position = 0;
        var ex = Assert.Throws<BoundaryIndexFileException>(() => ParishResolver.Load(wardsOnly));
        Assert.Contains("'parish'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_after_a_valid_index_are_refused()
    {
        using var stream = new MemoryStream();
        FourLayers().Save(stream);
        stream.WriteByte(0);
        stream.Position = 0;

        var ex = Assert.Throws<BoundaryIndexFileException>(() => BoundaryResolver.Load(stream));
        Assert.Contains("1 byte(s) after the end", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_file_is_refused_with_a_clear_message()
    {
        using var stream = new MemoryStream();
        stream.Write("LGBNDIDX"u8);
        stream.Write(BitConverter.GetBytes(1));
        stream.Write(new byte[64]);
        stream.Position = 0;

        var ex = Assert.Throws<BoundaryIndexFileException>(() => BoundaryResolver.Load(stream));
        Assert.Contains("format version 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("localgov boundaries index", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e200)]
    [InlineData(1e154)]
    [InlineData(1e308)]
    [InlineData(2e7)]
    public void A_boundary_far_outside_the_crs_is_a_typed_error_naming_the_feature(double width)
    {
        var set = Set(
            BoundaryCrs.BritishNationalGrid,
            ("E04000001", "POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))"),
            ("E04000099", FormattableString.Invariant($"POLYGON ((0 0, {width:R} 0, {width:R} 10, 0 10, 0 0))")));

        var ex = Assert.Throws<BoundaryFileException>(() => BoundaryResolver.Build([new("parish", set)]));
        Assert.Contains("E04000099", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.FeatureNumber);
        Assert.Throws<BoundaryFileException>(() => ParishResolver.Build(set));
    }

    [Fact]
    public void Layers_need_distinct_names_and_one_crs()
    {
        Assert.Throws<ArgumentException>(() => BoundaryResolver.Build([new("ward", Wards), new("Ward", Districts)]));
        Assert.Throws<ArgumentException>(() => BoundaryResolver.Build([]));
        var wgs = Set(BoundaryCrs.Wgs84, ("E07000004", "POLYGON ((-1 51, 0 51, 0 52, -1 52, -1 51))"));
        Assert.Throws<BoundaryCrsException>(() => BoundaryResolver.Build([new("ward", Wards), new("district", wgs)]));
    }

    [Fact]
    public void Too_short_an_answer_span_is_refused()
    {
        var resolver = FourLayers();
        var answers = new ResolvedArea[3];

        Assert.Throws<ArgumentException>(() => resolver.Resolve(400500, 200500, answers));
        Assert.Throws<ArgumentException>(() => resolver.ResolveMany([400500.0], [200500.0], answers));
    }
}
