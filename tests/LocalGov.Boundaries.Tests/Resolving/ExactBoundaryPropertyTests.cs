using CsCheck;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace LocalGov.Boundaries.Tests.Resolving;

/// <summary>
/// Points exactly on vertices, on edges and one ulp either side, against NetTopologySuite Covers over the closed
/// polygons: the answer must be an area that covers the point (any of them where several do), and none only when
/// none does.
/// </summary>
public sealed class ExactBoundaryPropertyTests
{
    private static readonly GeometryFactory Factory = new();

    private static Gen<Polygon> Star(double cx, double cy, double scale) =>
        Gen.Select(Gen.Int[3, 24], Gen.Double[0.3, 1.0].Array[24], Gen.Bool, Gen.Double[0.05, 0.25])
            .Select((n, radii, withHole, holeRadius) =>
            {
                var ring = new Coordinate[n + 1];
                for (var i = 0; i < n; i++)
                {
                    var angle = 2 * Math.PI * i / n;
                    ring[i] = new Coordinate(cx + (scale * radii[i] * Math.Cos(angle)), cy + (scale * radii[i] * Math.Sin(angle)));
                }

                ring[n] = ring[0].Copy();
                var holes = Array.Empty<LinearRing>();
                if (withHole)
                {
                    var r = scale * holeRadius * Math.Cos(Math.PI / n) * radii.Take(n).Min();
                    holes = [Factory.CreateLinearRing([new(cx - r, cy - r), new(cx + r, cy - r), new(cx + r, cy + r), new(cx - r, cy + r), new(cx - r, cy - r)])];
                }

                return Factory.CreatePolygon(Factory.CreateLinearRing(ring), holes);
            });

    /// <summary>A triangle about 1e-7 of its length wide: a sliver between neighbours, as digitising leaves them.</summary>
    private static Gen<Polygon> Sliver(double cx, double cy, double scale) =>
        Gen.Double[1e-9, 1e-6].Select(width => Factory.CreatePolygon([
            new(cx, cy), new(cx + scale, cy + (scale * width)), new(cx + scale, cy - (scale * width)), new(cx, cy)]));

    private static readonly Gen<Geometry> Area =
        // Away from 0: a vertex at exactly 0 has subnormal neighbours, where the exact orientation underflows (documented).
        Gen.Select(Gen.Double[1000, 1010], Gen.Double[1000, 1010], Gen.Double[0.5, 4], Gen.Int[0, 3])
            .SelectMany((cx, cy, scale, shape) => shape switch
            {
                0 => Gen.Select(Star(cx, cy, scale), Star(cx + (2.5 * scale), cy, scale * 0.5)).Select(pair => (Geometry)Factory.CreateMultiPolygon([pair.Item1, pair.Item2])),
                1 => Sliver(cx, cy, scale).Select(p => (Geometry)p),
                _ => Star(cx, cy, scale).Select(p => (Geometry)p),
            });

    private static BoundarySet SetOf(List<Geometry> areas) => new(
        areas.Select((g, i) => new BoundaryFeature { Code = $"E04{i:000000}", Name = $"A{i}", Geometry = g }),
        BoundaryCrs.BritishNationalGrid,
        new LoadReport { Source = "gen", Format = "gen", FeaturesRead = areas.Count, FeaturesLoaded = areas.Count, Crs = BoundaryCrs.BritishNationalGrid, CrsDecision = "gen", CodeField = "code" });

    /// <summary>Every vertex, a point on every edge (at <paramref name="t"/> along it), and each of them one ulp away in each direction.</summary>
    private static IEnumerable<(double X, double Y)> OnAndNextTo(IEnumerable<Geometry> areas, double t)
    {
        foreach (var area in areas)
        {
            var coordinates = area.Coordinates;
            for (var i = 0; i < coordinates.Length; i++)
            {
                var a = coordinates[i];
                var b = coordinates[(i + 1) % coordinates.Length];
                foreach (var (x, y) in new[] { (a.X, a.Y), (a.X + (t * (b.X - a.X)), a.Y + (t * (b.Y - a.Y))), (a.X, a.Y + (t * (b.Y - a.Y))), (a.X + (t * (b.X - a.X)), a.Y) })
                {
                    yield return (x, y);
                    yield return (Math.BitIncrement(x), y);
                    yield return (Math.BitDecrement(x), y);
                    yield return (x, Math.BitIncrement(y));
                    yield return (x, Math.BitDecrement(y));
                    yield return (Math.BitIncrement(x), Math.BitIncrement(y));
                    yield return (Math.BitDecrement(x), Math.BitDecrement(y));
                }
            }
        }
    }

    private static string? Check(ParishResolver resolver, List<Geometry> areas, IEnumerable<(double X, double Y)> points)
    {
        var prepared = areas.Select(PreparedGeometryFactory.Prepare).ToArray();
        foreach (var (x, y) in points)
        {
            var point = Factory.CreatePoint(new Coordinate(x, y));
            var covering = Enumerable.Range(0, prepared.Length).Where(k => prepared[k].Covers(point)).Select(k => $"E04{k:000000}").ToList();
            var actual = resolver.Resolve(x, y);
            var ok = covering.Count == 0 ? !actual.IsFound : actual.Code is not null && covering.Contains(actual.Code);
            if (!ok)
            {
                return $"({x:R}, {y:R}): covered by [{string.Join(",", covering)}], got {actual}; areas: {string.Join(" | ", areas.Select(a => a.AsText()))}";
            }
        }

        return null;
    }

    [Fact]
    public void Vertices_edges_and_one_ulp_either_side_of_random_polygons_agree_with_covers()
    {
        Gen.Select(Area.List[1, 5], Gen.Double[0, 1], Gen.Double[0.05, 4])
            .Sample((areas, t, density) =>
            {
                var resolver = ParishResolver.Build(SetOf(areas), options: new ParishResolverOptions { CellsPerVertex = density });
                var problem = Check(resolver, areas, OnAndNextTo(areas, t));
                return problem is null ? true : throw new InvalidOperationException($"density {density}, t {t}: {problem}");
            }, iter: 150);
    }

    [Fact]
    public void An_area_loaded_twice_answers_inside_and_none_outside_on_and_next_to_its_edges()
    {
        // Two runs with the same edges that both cover a cell's centre, or both do not, are not complements: a point
        // outside both is in neither (the index must not take the second for "the rest of the cell").
        Gen.Select(Star(1005, 1005, 3), Gen.Double[0, 1], Gen.Double[0.05, 4])
            .Sample((star, t, density) =>
            {
                List<Geometry> areas = [star, star.Copy()];
                var resolver = ParishResolver.Build(SetOf(areas), options: new ParishResolverOptions { CellsPerVertex = density });
                var outside = OnAndNextTo(areas, t).Concat(Ring(star, 1.2)).Concat(Ring(star, 0.8));
                var problem = Check(resolver, areas, outside);
                return problem is null ? true : throw new InvalidOperationException($"density {density}, t {t}: {problem}");
            }, iter: 60);

        // Points around the area's centre at this multiple of the distance to each vertex: just outside or inside it.
        static IEnumerable<(double X, double Y)> Ring(Geometry area, double scale)
        {
            var centre = area.EnvelopeInternal.Centre;
            return area.Coordinates.Select(c => (centre.X + ((c.X - centre.X) * scale), centre.Y + ((c.Y - centre.Y) * scale)));
        }
    }

    [Fact]
    public void Every_point_of_a_partition_including_its_outer_edge_agrees_with_covers()
    {
        Gen.Select(Gen.Double[-0.3, 0.3].Array[64], Gen.Int[2, 6], Gen.Double[0.05, 4], Gen.Double[0, 1])
            .Sample((jitter, size, density, t) =>
            {
                var n = size + 1;
                var vx = new double[n, n];
                var vy = new double[n, n];
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var border = i == 0 || j == 0 || i == n - 1 || j == n - 1;
                        // Offset to British National Grid magnitudes (a coordinate of exactly 0 has subnormal neighbours).
                        vx[i, j] = 450_000 + (i * 10) + (border ? 0 : jitter[((i * n) + j) % 64] * 10);
                        vy[i, j] = 210_000 + (j * 10) + (border ? 0 : jitter[((j * n) + i + 7) % 64] * 10);
                    }
                }

                var cells = new List<Geometry>();
                for (var i = 0; i < size; i++)
                {
                    for (var j = 0; j < size; j++)
                    {
                        cells.Add(Factory.CreatePolygon([
                            new(vx[i, j], vy[i, j]), new(vx[i + 1, j], vy[i + 1, j]), new(vx[i + 1, j + 1], vy[i + 1, j + 1]), new(vx[i, j + 1], vy[i, j + 1]), new(vx[i, j], vy[i, j])]));
                    }
                }

                var resolver = ParishResolver.Build(SetOf(cells), options: new ParishResolverOptions { CellsPerVertex = density });
                var problem = Check(resolver, cells, OnAndNextTo(cells, t));
                return problem is null ? true : throw new InvalidOperationException($"density {density}: {problem}");
            }, iter: 100);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 10)]
    [InlineData(10, 0)]
    [InlineData(0, 10)]
    [InlineData(5, 10)]
    [InlineData(10, 5)]
    [InlineData(0, 5)]
    [InlineData(5, 0)]
    public void A_point_on_the_outer_edge_of_the_coverage_is_in_the_area_whose_boundary_holds_it(double x, double y)
    {
        var set = TestSets.Set(BoundaryCrs.BritishNationalGrid, ("E04000001", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"));
        var resolver = ParishResolver.Build(set);

        Assert.Equal("E04000001", resolver.Resolve(x, y).Code);
        Assert.False(resolver.Resolve(Math.BitIncrement(Math.Max(x, 10)), y).IsFound);
    }

    [Fact]
    public void A_vertex_shared_by_three_parishes_goes_to_the_one_east_and_north_of_it()
    {
        // Three parishes meeting at (5, 5): A west, B south-east, C north-east (the picture in the README).
        var set = TestSets.Set(
            BoundaryCrs.BritishNationalGrid,
            ("E04000001", "POLYGON ((0 0, 5 0, 5 5, 5 10, 0 10, 0 0))"),
            ("E04000002", "POLYGON ((5 0, 10 0, 10 5, 5 5, 5 0))"),
            ("E04000003", "POLYGON ((5 5, 10 5, 10 10, 5 10, 5 5))"));
        var resolver = ParishResolver.Build(set);

        Assert.Equal("E04000003", resolver.Resolve(5, 5).Code);
        Assert.Equal("E04000002", resolver.Resolve(7, 5 - 1e-9).Code);
        Assert.Equal("E04000003", resolver.Resolve(7, 5).Code);
        Assert.Equal("E04000002", resolver.Resolve(5, 2).Code);
        Assert.Equal("E04000001", resolver.Resolve(0, 5).Code);   // the west edge of the coverage: only A holds it
        Assert.Equal("E04000003", resolver.Resolve(10, 10).Code); // the north-east corner: only C holds it
        Assert.Equal("E04000002", resolver.Resolve(10, 0).Code);
    }
}
