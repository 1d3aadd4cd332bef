using CsCheck;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace LocalGov.Boundaries.Tests.Resolving;

/// <summary>Random polygons (holes, multipolygons, overlaps) and random points: the resolver agrees with NTS Covers.</summary>
public sealed class ResolverPropertyTests
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>A star-shaped ring around (cx, cy): valid by construction; with a hole inside its smallest radius when asked.</summary>
    private static Gen<Polygon> Star(double cx, double cy, double scale) =>
        Gen.Select(Gen.Int[3, 40], Gen.Double[0.3, 1.0].Array[40], Gen.Bool, Gen.Double[0.05, 0.25])
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
                if (withHole && n >= 3)
                {
                    // The hole stays inside the star's inscribed circle (cos(pi/n) times the smallest radius).
                    var r = scale * holeRadius * Math.Cos(Math.PI / n) * radii.Take(n).Min();
                    holes = [Factory.CreateLinearRing([new(cx - r, cy - r), new(cx + r, cy - r), new(cx + r, cy + r), new(cx - r, cy + r), new(cx - r, cy - r)])];
                }

                return Factory.CreatePolygon(Factory.CreateLinearRing(ring), holes);
            });

    private static readonly Gen<Geometry> Area =
        Gen.Select(Gen.Double[0, 10], Gen.Double[0, 10], Gen.Double[0.5, 4], Gen.Bool)
            .SelectMany((cx, cy, scale, multi) => multi
                ? Gen.Select(Star(cx, cy, scale), Star(cx + (2.5 * scale), cy, scale * 0.5)).Select(pair => (Geometry)Factory.CreateMultiPolygon([pair.Item1, pair.Item2]))
                : Star(cx, cy, scale).Select(p => (Geometry)p));

    [Fact]
    public void Random_points_in_random_polygons_agree_with_nts()
    {
        Gen.Select(Area.List[1, 6], Gen.Select(Gen.Double[-3, 16], Gen.Double[-3, 16]).Array[200], Gen.Double[0.05, 4])
            .Sample((areas, points, density) =>
            {
                var set = new BoundarySet(
                    areas.Select((g, i) => new BoundaryFeature { Code = $"E04{i:000000}", Name = $"A{i}", Geometry = g }),
                    BoundaryCrs.BritishNationalGrid,
                    new LoadReport { Source = "gen", Format = "gen", FeaturesRead = areas.Count, FeaturesLoaded = areas.Count, Crs = BoundaryCrs.BritishNationalGrid, CrsDecision = "gen", CodeField = "code" });
                var resolver = ParishResolver.Build(set, options: new ParishResolverOptions { CellsPerVertex = density });
                var prepared = areas.Select(PreparedGeometryFactory.Prepare).ToArray();
                foreach (var (x, y) in points)
                {
                    var point = Factory.CreatePoint(new Coordinate(x, y));
                    if (areas.Any(a => a.Boundary.Distance(point) == 0))
                    {
                        continue; // on a boundary the edge rule decides, not Covers; the partition test below covers that
                    }

                    var expected = Array.FindIndex(prepared, p => p.Covers(point));
                    var actual = resolver.Resolve(x, y);
                    if ((expected < 0 ? null : $"E04{expected:000000}") != actual.Code)
                    {
                        throw new InvalidOperationException($"({x}, {y}) density {density}: expected {expected}, got {actual}; areas: {string.Join(" | ", areas.Select(a => a.AsText()))}");
                    }
                }

                return true;
            }, iter: 300);
    }

    [Fact]
    public void Points_on_shared_edges_and_vertices_of_a_partition_get_exactly_one_covering_area()
    {
        Gen.Select(Gen.Double[-0.3, 0.3].Array[64], Gen.Int[2, 7], Gen.Double[0.05, 4])
            .Sample((jitter, size, density) =>
            {
                // A perturbed lattice: quadrilateral cells sharing every edge and vertex exactly.
                var n = size + 1;
                var vx = new double[n, n];
                var vy = new double[n, n];
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var border = i == 0 || j == 0 || i == n - 1 || j == n - 1;
                        vx[i, j] = (i * 10) + (border ? 0 : jitter[((i * n) + j) % 64] * 10);
                        vy[i, j] = (j * 10) + (border ? 0 : jitter[((j * n) + i + 7) % 64] * 10);
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

                var set = new BoundarySet(
                    cells.Select((g, k) => new BoundaryFeature { Code = $"E04{k:000000}", Name = string.Empty, Geometry = g }),
                    BoundaryCrs.BritishNationalGrid,
                    new LoadReport { Source = "gen", Format = "gen", FeaturesRead = cells.Count, FeaturesLoaded = cells.Count, Crs = BoundaryCrs.BritishNationalGrid, CrsDecision = "gen", CodeField = "code" });
                var resolver = ParishResolver.Build(set, options: new ParishResolverOptions { CellsPerVertex = density });
                var prepared = cells.Select(PreparedGeometryFactory.Prepare).ToArray();
                for (var i = 1; i < n - 1; i++)
                {
                    for (var j = 1; j < n - 1; j++)
                    {
                        // Interior vertices are covered by four cells; lattice points on the west/south border by one or two.
                        foreach (var (x, y) in new[] { (vx[i, j], vy[i, j]), (vx[0, j], vy[0, j]), (vx[i, 0], vy[i, 0]) })
                        {
                            var point = Factory.CreatePoint(new Coordinate(x, y));
                            var covering = Enumerable.Range(0, prepared.Length).Where(k => prepared[k].Covers(point)).Select(k => $"E04{k:000000}").ToList();
                            var actual = resolver.Resolve(x, y);
                            if (actual.Code is null || !covering.Contains(actual.Code))
                            {
                                return false;
                            }
                        }
                    }
                }

                return true;
            }, iter: 200);
    }
}
