using LocalGov.Boundaries.Resolving;

namespace LocalGov.Boundaries.Tests.Resolving;

/// <summary>
/// The vectorised edge walk against the scalar one it stands in for: both must give the same parity for every chain,
/// centre and point, above all where a point lies exactly on a vertex, an edge or the line through the centre (a small
/// integer lattice makes those cases common), across 64-vertex windows, and at the end of the points array.
/// </summary>
public sealed class ChainParityTests
{
    [Theory]
    [InlineData(1, 2, 5)]
    [InlineData(2, 3, 12)]
    [InlineData(3, 60, 70)]
    [InlineData(4, 120, 200)]
    public void The_vectorised_walk_gives_the_scalar_parity_on_lattice_points_vertices_and_edges(int seed, int minVertices, int maxVertices)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 400; trial++)
        {
            var count = random.Next(minVertices, maxVertices + 1);

            // Room before and after the chain: the vectorised walk reads up to three vertices past its end.
            var lead = random.Next(0, 3);
            var tail = random.Next(0, 5);
            var points = new double[(lead + count + tail) * 2];
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = random.Next(-6, 7);
            }

            var cx = random.Next(-3, 4) + (random.Next(2) * 0.5);
            var cy = random.Next(-3, 4) + (random.Next(2) * 0.5);
            foreach (var (x, y) in Queries(random, points, lead, count))
            {
                var scalar = GridIndex.ChainParity(points, lead, count, cx, cy, x, y);
                var vectorised = GridIndex.ChainParityVectorised(points, lead, count, cx, cy, x, y);
                Assert.True(scalar == vectorised, $"seed {seed}, trial {trial}: chain of {count} at {lead} (tail {tail}), centre ({cx}, {cy}), point ({x}, {y}): scalar {scalar}, vectorised {vectorised}");
            }
        }
    }

    [Fact]
    public void Real_valued_chains_agree_too()
    {
        // Far from the lattice: sides are rarely too close to call, so this exercises the vectorised path itself.
        var random = new Random(7);
        var disagreements = 0;
        for (var trial = 0; trial < 2_000; trial++)
        {
            var count = random.Next(2, 150);
            var points = new double[(count + 4) * 2];
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = 400_000 + (random.NextDouble() * 1_000);
            }

            var cx = 400_500 + (random.NextDouble() * 10);
            var cy = 400_500 + (random.NextDouble() * 10);
            var x = 400_000 + (random.NextDouble() * 1_000);
            var y = 400_000 + (random.NextDouble() * 1_000);
            disagreements += GridIndex.ChainParity(points, 0, count, cx, cy, x, y) == GridIndex.ChainParityVectorised(points, 0, count, cx, cy, x, y) ? 0 : 1;
        }

        Assert.Equal(0, disagreements);
    }

    private static IEnumerable<(double X, double Y)> Queries(Random random, double[] points, int lead, int count)
    {
        for (var k = 0; k < 6; k++)
        {
            yield return (random.Next(-6, 7), random.Next(-6, 7));
            yield return (random.Next(-12, 13) * 0.5, random.Next(-12, 13) * 0.5);
        }

        // A vertex, the midpoint of an edge, and a point a third of the way along one (on the edge, up to rounding).
        var i = lead + random.Next(count);
        yield return (points[i * 2], points[(i * 2) + 1]);
        var e = lead + random.Next(count - 1);
        var (ax, ay, bx, by) = (points[e * 2], points[(e * 2) + 1], points[(e * 2) + 2], points[(e * 2) + 3]);
        yield return ((ax + bx) / 2, (ay + by) / 2);
        yield return (ax + ((bx - ax) / 3), ay + ((by - ay) / 3));
    }
}
