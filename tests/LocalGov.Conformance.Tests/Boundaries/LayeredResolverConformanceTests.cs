using LocalGov.Boundaries;
using LocalGov.Testing;

namespace LocalGov.Conformance.Tests.Boundaries;

/// <summary>All 188,880 Census 2021 OA centroids on every layer built from the shared data, against NetTopologySuite Covers.</summary>
public sealed class LayeredResolverConformanceTests
{
    [Fact]
    public void All_oa_centroids_agree_with_covers_on_every_layer()
    {
        var layers = new List<BoundaryLayer>
        {
            new("parish", BoundaryData.ApproxParishes),
            new("ward", BoundaryLoader.Load(SharedData.Require("data/boundaries/wards/martinjc_wards_by_lad_E07000004_WD13.json"))),
            new("district", BoundaryLoader.Load(SharedData.Require("data/boundaries/lad/ons_geogLA2020EW.topo.json"))),
            new("district2022", BoundaryLoader.Load(SharedData.Require("data/boundaries/lad/ons_geogLA2022EW.topo.json"))) { Kind = AreaKind.District },
            new("district2013", BoundaryLoader.Load(SharedData.Require("data/boundaries/lad/martinjc_eng_topo_lad13.json"))) { Kind = AreaKind.District },
            new("district-approx", BoundaryData.ApproxDistricts) { Kind = AreaKind.District },
        };
        var (xs, ys) = BoundaryData.Centroids;
        Assert.Equal(188_880, xs.Length);
        var resolver = BoundaryResolver.Build(layers, new BoundaryResolverOptions { SortBatches = BatchSorting.Always });
        var answers = new ResolvedArea[xs.Length * layers.Count];
        resolver.ResolveManyInParallel(xs, ys, answers, TestContext.Current.CancellationToken);

        // The batch above is sorted along a Z curve and split over threads; in input order, on one thread, every
        // answer is the same.
        var unsorted = BoundaryResolver.Build(layers, new BoundaryResolverOptions { SortBatches = BatchSorting.Never });
        var inInputOrder = new ResolvedArea[answers.Length];
        unsorted.ResolveMany(xs, ys, inInputOrder);
        Assert.Equal(inInputOrder.Select(a => a.Code), answers.Select(a => a.Code));

        // As area indexes (the write-barrier-free form), the same areas.
        var indexes = new int[answers.Length];
        unsorted.ResolveMany(xs, ys, indexes);
        Assert.Equal(answers.Select(a => a.Code), indexes.Select(i => i < 0 ? null : unsorted.Areas[i].Code));

        var mismatches = new List<string>();
        var summary = new List<string>();
        for (var l = 0; l < layers.Count; l++)
        {
            var reference = new ReferenceLocator(layers[l].Boundaries);
            int found = 0, ties = 0;
            for (var i = 0; i < xs.Length; i++)
            {
                var expected = reference.Covering(xs[i], ys[i]);
                var actual = answers[(i * layers.Count) + l];
                ties += expected.Count > 1 ? 1 : 0;
                found += actual.IsFound ? 1 : 0;
                var ok = expected.Count == 0 ? !actual.IsFound : actual.Code is not null && expected.Contains(actual.Code);
                if (!ok && mismatches.Count < 20)
                {
                    mismatches.Add($"{layers[l].Name} #{i} ({xs[i]:R}, {ys[i]:R}): covered by [{string.Join(",", expected)}], got {actual}");
                }
            }

            summary.Add($"{layers[l].Name}: {found} found, {ties} in two or more");
            Assert.True(found > (layers[l].Name == "ward" ? 500 : 100_000), summary[^1]);
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, summary));
    }
}
