using LocalGov.Boundaries;
using LocalGov.Testing;

namespace LocalGov.Conformance.Tests.Boundaries;

/// <summary>
/// Every vertex of the 50 official Aylesbury Vale parishes, points on each edge and 1 cm either side of it, against
/// NetTopologySuite Covers: the answer is a parish that covers the point (either, where two do), and none only where
/// none does. This includes the outer edge of the 50, where a half-open rule would answer nothing.
/// </summary>
public sealed class ExactBoundaryConformanceTests
{
    private const string Aylesbury = "data/boundaries/aylesbury-vale-fullres/parish_region.csv";

    [Fact]
    public void Vertices_edge_points_and_one_centimetre_either_side_agree_with_covers()
    {
        var parishes = BoundaryLoader.Load(SharedData.Require(Aylesbury));
        Assert.Equal(50, parishes.Features.Count);
        var resolver = ParishResolver.Build(parishes);
        var reference = new ReferenceLocator(parishes);
        var mismatches = new List<string>();
        long vertices = 0, onEdges = 0, aside = 0, covered = 0, shared = 0;

        void Check(double x, double y, string what)
        {
            var expected = reference.Covering(x, y);
            var actual = resolver.Resolve(x, y);
            covered += expected.Count > 0 ? 1 : 0;
            shared += expected.Count > 1 ? 1 : 0;
            var ok = expected.Count == 0 ? !actual.IsFound : actual.Code is not null && expected.Contains(actual.Code);
            if (!ok && mismatches.Count < 20)
            {
                mismatches.Add($"{what} ({x:R}, {y:R}): covered by [{string.Join(",", expected)}], got {actual}");
            }
        }

        foreach (var feature in parishes.Features)
        {
            var coordinates = feature.Geometry.Coordinates;
            for (var i = 0; i + 1 < coordinates.Length; i++)
            {
                var a = coordinates[i];
                var b = coordinates[i + 1];
                Check(a.X, a.Y, $"vertex of {feature.Code}");
                vertices++;
                var length = Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)));
                if (length == 0)
                {
                    continue;
                }

                // Points along the edge (on it up to rounding: Covers is the judge), and 1 cm off it on each side.
                var nx = -(b.Y - a.Y) / length * 0.01;
                var ny = (b.X - a.X) / length * 0.01;
                foreach (var t in new[] { 0.5, 0.25 })
                {
                    var x = a.X + (t * (b.X - a.X));
                    var y = a.Y + (t * (b.Y - a.Y));
                    Check(x, y, $"on an edge of {feature.Code}");
                    Check(x + nx, y + ny, $"1 cm left of an edge of {feature.Code}");
                    Check(x - nx, y - ny, $"1 cm right of an edge of {feature.Code}");
                    onEdges++;
                    aside += 2;
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.True(vertices > 39_000, $"only {vertices} vertices");
        TestContext.Current.TestOutputHelper?.WriteLine($"{vertices} vertices, {onEdges} edge points, {aside} points 1 cm aside; {covered} covered, {shared} by two or more");
    }
}
