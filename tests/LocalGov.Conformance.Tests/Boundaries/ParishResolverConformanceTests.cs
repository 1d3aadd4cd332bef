using LocalGov.Boundaries;
using LocalGov.Testing;

namespace LocalGov.Conformance.Tests.Boundaries;

public sealed class ParishResolverConformanceTests
{
    private const string Aylesbury = "data/boundaries/aylesbury-vale-fullres/parish_region.csv";

    [Fact]
    public void All_oa_centroids_resolve_as_the_nts_reference_on_the_approximate_set()
    {
        var parishes = BoundaryData.ApproxParishes;
        var districts = BoundaryData.ApproxDistricts;
        var (xs, ys) = BoundaryData.Centroids;
        Assert.Equal(188_880, xs.Length);
        var resolver = ParishResolver.Build(parishes, districts);
        var results = new ResolvedArea[xs.Length];
        resolver.ResolveManyInParallel(xs, ys, results, TestContext.Current.CancellationToken);

        var parishReference = new ReferenceLocator(parishes);
        var districtReference = new ReferenceLocator(districts);
        var mismatches = new List<string>();
        int parished = 0, unparished = 0, district = 0, none = 0, ties = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            var expected = parishReference.Covering(xs[i], ys[i]);
            var kind = expected.Count > 0 ? "parish" : "district";
            if (expected.Count == 0)
            {
                expected = districtReference.Covering(xs[i], ys[i]);
            }

            ties += expected.Count > 1 ? 1 : 0;
            var actual = results[i];
            var ok = expected.Count == 0 ? !actual.IsFound : actual.Code is not null && expected.Contains(actual.Code);
            ok &= expected.Count == 0 || (kind == "district") == (actual.Kind == AreaKind.District);
            if (!ok && mismatches.Count < 20)
            {
                mismatches.Add($"#{i} ({xs[i]}, {ys[i]}): expected {kind} [{string.Join(",", expected)}], got {actual}");
            }

            switch (actual.Kind)
            {
                case AreaKind.Parish: parished++; break;
                case AreaKind.NonParishedArea: unparished++; break;
                case AreaKind.District: district++; break;
                default: none++; break;
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.True(parished > 10_000 && unparished > 50_000, $"parish {parished}, non-parished {unparished}, district {district}, none {none}, ties {ties}");
        TestContext.Current.TestOutputHelper?.WriteLine($"parish {parished}, non-parished {unparished}, district {district}, none {none}, ties {ties}");
    }

    [Fact]
    public void Official_aylesbury_parishes_resolve_their_own_label_points_and_not_their_neighbours()
    {
        var parishes = BoundaryLoader.Load(SharedData.Require(Aylesbury));
        Assert.Equal(BoundaryCrs.BritishNationalGrid, parishes.Crs);
        Assert.Equal(50, parishes.Features.Count);
        var codes = parishes.Features.Select(f => f.Code).ToHashSet();
        var labels = BoundaryData.Labels();
        var resolver = ParishResolver.Build(parishes);

        var own = labels.Where(l => codes.Contains(l.Code)).ToList();
        Assert.Equal(50, own.Count);
        foreach (var label in own)
        {
            var result = resolver.Resolve(label.E, label.N);
            Assert.Equal(label.Code, result.Code);
            Assert.Equal(AreaKind.Parish, result.Kind);
        }

        var neighbours = AylesburyValeParishCodes().Where(c => !codes.Contains(c)).ToHashSet();
        var neighbourLabels = labels.Where(l => neighbours.Contains(l.Code)).ToList();
        Assert.True(neighbourLabels.Count > 50, $"only {neighbourLabels.Count} neighbouring label points");
        foreach (var label in neighbourLabels)
        {
            Assert.False(resolver.Resolve(label.E, label.N).IsFound, $"{label.Code} {label.Name} resolved to {resolver.Resolve(label.E, label.N)}");
        }
    }

    [Fact]
    public void With_a_district_layer_points_outside_the_parishes_get_the_district()
    {
        var parishes = BoundaryLoader.Load(SharedData.Require(Aylesbury));
        var codes = parishes.Features.Select(f => f.Code).ToHashSet();

        // A stand-in district in the same CRS: the envelope of the 50 parishes, widened by 5 km.
        var envelope = new NetTopologySuite.Geometries.Envelope();
        foreach (var f in parishes.Features)
        {
            envelope.ExpandToInclude(f.Geometry.EnvelopeInternal);
        }

        envelope.ExpandBy(5000);
        var district = new BoundarySet(
            [new BoundaryFeature { Code = "E07000004", Name = "Aylesbury Vale", Geometry = new NetTopologySuite.Geometries.GeometryFactory().ToGeometry(envelope) }],
            BoundaryCrs.BritishNationalGrid,
            parishes.Report with { Source = "test district" });
        var resolver = ParishResolver.Build(parishes, district);

        var labels = BoundaryData.Labels();
        var inside = 0;
        foreach (var label in labels.Where(l => envelope.Contains(l.E, l.N)))
        {
            var result = resolver.Resolve(label.E, label.N);
            if (codes.Contains(label.Code))
            {
                Assert.Equal(label.Code, result.Code);
            }
            else
            {
                Assert.Equal(AreaKind.District, result.Kind);
                Assert.Equal("E07000004", result.Code);
                inside++;
            }
        }

        Assert.True(inside > 20, $"only {inside} label points of other parishes in the district");
    }

    [Fact]
    public void Label_points_of_the_approximate_set_resolve_mostly_to_their_own_parish()
    {
        // The approximate set is generalised, so a label point near an edge may fall in a neighbour; the NTS reference
        // is the judge for exactness (test above); this guards against a gross error such as swapped axes.
        var parishes = BoundaryData.ApproxParishes;
        var resolver = ParishResolver.Build(parishes);
        var labels = BoundaryData.Labels();
        var codes = parishes.Features.Select(f => f.Code).ToHashSet();
        var known = labels.Where(l => codes.Contains(l.Code)).ToList();
        var own = known.Count(l => resolver.Resolve(l.Lon, l.Lat).Code == l.Code);

        Assert.True(own > known.Count * 0.9, $"{own} of {known.Count} label points resolve to their own parish");
    }

    private static IEnumerable<string> AylesburyValeParishCodes() =>
        File.ReadLines(SharedData.Require("data/boundaries/lookups/ons-lookups_081.csv"))
            .Skip(1)
            .Select(BoundaryData.SplitCsv)
            .Where(f => f[5] == "E07000004")
            .Select(f => f[1])
            .Distinct();
}
