using System.Collections.Concurrent;
using LocalGov.Boundaries;
using LocalGov.Testing;

namespace LocalGov.Conformance.Tests.Boundaries;

public sealed class TopoJsonConformanceTests
{
    private const string La2020 = "data/boundaries/lad/ons_geogLA2020EW.topo.json";
    private const string La2022 = "data/boundaries/lad/ons_geogLA2022EW.topo.json";
    private const string Lad13 = "data/boundaries/lad/martinjc_eng_topo_lad13.json";

    private static readonly ConcurrentDictionary<string, BoundarySet> Sets = new();

    /// <summary>Through <see cref="BoundaryLoader.Load(string, BoundaryLoadOptions?)"/>, so the .json files are routed by content.</summary>
    private static BoundarySet Load(string relative) => Sets.GetOrAdd(SharedData.Require(relative), path => BoundaryLoader.Load(path));

    [Theory]
    [InlineData(La2020, 336, "AREACD", "AREANM", "E06000060", "Buckinghamshire")]
    [InlineData(La2022, 331, "areacd", "areanm", "E06000001", "Hartlepool")]
    [InlineData(Lad13, 326, "LAD13CD", "LAD13NM", "E07000004", "Aylesbury Vale")]
    public void Ons_district_topologies_load_every_feature_with_codes_and_names(string file, int count, string codeField, string nameField, string code, string name)
    {
        var set = Load(file);

        Assert.Equal("TopoJSON", set.Report.Format);
        Assert.Equal(BoundaryCrs.Wgs84, set.Crs);
        Assert.Equal((count, count), (set.Report.FeaturesRead, set.Report.FeaturesLoaded));
        Assert.Empty(set.Report.Skips);
        Assert.Empty(set.Report.Warnings);
        Assert.Equal((codeField, nameField), (set.Report.CodeField, set.Report.NameField));
        Assert.Contains(set.Features, f => f.Code == code && f.Name == name);
        Assert.All(set.Features, f => Assert.Matches("^[EW]0[6-9][0-9]{6}$", f.Code));
        Assert.All(set.Features, f => Assert.False(string.IsNullOrWhiteSpace(f.Name), f.Code));
        Assert.Equal(count, set.Features.Select(f => f.Code).Distinct().Count());
        TestContext.Current.TestOutputHelper?.WriteLine($"{file}: {set.Report.Repairs.Count} repaired ({set.Report.CrsDecision}); {set.VertexCount} vertices");
    }

    [Theory]
    [InlineData(Lad13, "E07000004")]
    [InlineData(La2020, "E06000060")]
    [InlineData(La2022, "E06000060")]
    public void Aylesbury_vale_parish_label_points_resolve_to_their_district(string file, string district)
    {
        var resolver = ParishResolver.Build(Load(file));
        var parishes = File.ReadLines(SharedData.Require("data/boundaries/lookups/ons-lookups_081.csv"))
            .Skip(1)
            .Select(BoundaryData.SplitCsv)
            .Where(f => f[5] == "E07000004")
            .Select(f => f[1])
            .ToHashSet();
        var labels = BoundaryData.Labels().Where(l => parishes.Contains(l.Code)).ToList();
        Assert.True(labels.Count > 100, $"only {labels.Count} Aylesbury Vale label points");

        var wrong = labels.Where(l => resolver.Resolve(l.Lon, l.Lat).Code != district)
            .Select(l => $"{l.Code} {l.Name} ({l.Lon}, {l.Lat}) -> {resolver.Resolve(l.Lon, l.Lat)}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [InlineData(Lad13)]
    [InlineData(La2020)]
    [InlineData(La2022)]
    public void Every_parish_label_point_resolves_as_the_nts_reference(string file)
    {
        var set = Load(file);
        var resolver = ParishResolver.Build(set);
        var reference = new ReferenceLocator(set);
        var labels = BoundaryData.Labels();
        var mismatches = new List<string>();
        var found = 0;
        foreach (var label in labels)
        {
            var expected = reference.Covering(label.Lon, label.Lat);
            var actual = resolver.Resolve(label.Lon, label.Lat);
            var ok = expected.Count == 0 ? !actual.IsFound : actual.Code is not null && expected.Contains(actual.Code);
            if (!ok && mismatches.Count < 20)
            {
                mismatches.Add($"{label.Code} ({label.Lon}, {label.Lat}): expected [{string.Join(",", expected)}], got {actual}");
            }

            found += actual.IsFound ? 1 : 0;
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.True(found > labels.Count * 0.8, $"only {found} of {labels.Count} label points are in a district");
        TestContext.Current.TestOutputHelper?.WriteLine($"{file}: {found} of {labels.Count} label points in a district");
    }
}
