using System.Text.Json;
using LocalGov.ModernGov;
using LocalGov.Testing;

namespace LocalGov.Conformance.Tests.ModernGov;

/// <summary>FindByWardName on the recorded GetCouncillorsByWard bodies and on the ONS ward names of the shared ward file.</summary>
public sealed class WardNameConformanceTests
{
    public static TheoryData<string> Councils() => ["argyll-and-bute", "cardiff", "greater-london-authority", "kirklees", "wolverhampton"];

    [Theory]
    [MemberData(nameof(Councils))]
    public async Task Every_recorded_ward_is_found_by_its_boundary_style_names(string council)
    {
        var path = SharedData.Require($"data/moderngov/{council}/GetCouncillorsByWard.xml");
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync(200, await File.ReadAllTextAsync(path, ct), cancellationToken: ct);
        using var http = new HttpClient();
        var client = new ModernGovClient(http, new ModernGovCouncilOptions { BaseUrl = server.BaseAddress }, council);
        var wards = await client.GetCouncillorsByWardAsync(ct);
        var titled = wards.Where(w => !string.IsNullOrWhiteSpace(w.Title)).ToList();
        Assert.True(titled.Count > 5, $"only {titled.Count} wards");

        foreach (var ward in titled)
        {
            var title = ward.Title!;
            foreach (var name in new[] { title, title + " Ward", title.ToUpperInvariant() + " ED", title.Replace("&", "and", StringComparison.Ordinal), title.Replace(" and ", " & ", StringComparison.Ordinal) })
            {
                Assert.Same(ward, wards.FindByWardName(name));
            }
        }
    }

    [Fact]
    public void The_ons_ward_names_of_aylesbury_vale_find_their_modern_gov_style_titles()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.Require("data/boundaries/wards/martinjc_wards_by_lad_E07000004_WD13.json")));
        var names = document.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("WD13NM").GetString()!).ToList();
        Assert.Equal(36, names.Count);

        // Modern.Gov titles as installs write them: "&" for "and", a " Ward" suffix, other capitalisation.
        var wards = names.Select(n => new ModernGovWard { Title = n.Replace(" and ", " & ", StringComparison.Ordinal).ToUpperInvariant() + " Ward" }).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            Assert.Same(wards[i], wards.FindByWardName(names[i]));
        }
    }
}
