using System.Text.Json.Nodes;
using LocalGov.Boundaries;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using WhoCoversThisPlace;

namespace LocalGov.Samples.Tests.Console;

public sealed class WhoCoversThisPlaceTests : IDisposable
{
    private static readonly string Sample = Path.Combine(RepositoryPaths.Root, "samples", "WhoCoversThisPlace");
    private static readonly string DemoSettings = Path.Combine(Sample, "settings.demo.json");
    private readonly string _folder = Directory.CreateTempSubdirectory("who-covers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_demo_postcode_gets_every_layer_the_parish_clerk_and_the_ward_councillors_offline()
    {
        var (exit, output, _) = await RunAsync("--settings", DemoSettings, "dm1 1aa");

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "DM1 1AA: longitude -1.05, latitude 51.975",
                "parish    DEMO-P01  Ashcombe",
                "ward      DEMO-W01  Ashcombe and Brookfield",
                "district  DEMO-D01  Demo Vale",
                "county    DEMO-C01  Demoshire",
                "Parish clerk (Ashcombe Parish Council): Sam Sample (DEMO), clerk@ashcombe.demo.invalid, 01632 960101",
                "Ward councillors (Ashcombe & Brookfield Ward): Councillor Pat Example (DEMO), Independent, pat.example@demo-vale.demo.invalid; Councillor Lee Specimen (DEMO), Demo Party",
            ],
            Lines(output));
    }

    [Fact]
    public async Task The_vertex_three_parishes_share_goes_to_the_one_east_and_north_of_it_and_json_names_every_kind()
    {
        // (-1.00, 51.95) is a corner of Ashcombe, Brookfield and Castleford Magna: the exact edge rule picks Brookfield.
        var (exit, output, _) = await RunAsync("--settings", DemoSettings, "--json", "--point", "-1.00,51.95");

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("DEMO-P02", (string?)json["layers"]!["parish"]!["code"]);
        Assert.Equal("parish", (string?)json["layers"]!["parish"]!["kind"]);
        Assert.Equal("ward", (string?)json["layers"]!["ward"]!["kind"]);
        Assert.Equal("county", (string?)json["layers"]!["county"]!["kind"]);
        Assert.Null(json["parishClerk"]); // Brookfield is not in the demo's Modern.Gov parish councils
        Assert.Equal("Ashcombe & Brookfield Ward", (string?)json["wardCouncillors"]!["ward"]);
        Assert.Equal(2, json["wardCouncillors"]!["councillors"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("DM4 4DD", 0, "parish    none")]           // no parish: the ward, district and county still answer
    [InlineData("DM9 9ZZ", 3, "county    none")]           // outside every layer
    [InlineData("DM7 7AA", 3, null)]                       // a postcode the demo postcodes.io does not know
    [InlineData("nonsense", 4, null)]
    public async Task Places_outside_some_or_all_layers_and_unknown_or_bad_postcodes(string postcode, int expectedExit, string? line)
    {
        var (exit, output, error) = await RunAsync("--settings", DemoSettings, postcode);

        Assert.Equal(expectedExit, exit);
        if (line is null)
        {
            Assert.Equal(string.Empty, output);
            Assert.NotEqual(string.Empty, error);
        }
        else
        {
            Assert.Contains(line, Lines(output));
        }
    }

    [Theory]
    [InlineData("DM1 1AA", "--point", "1,2")]
    [InlineData("--point", "x,y")]
    [InlineData()]
    [InlineData("--settings", "/nonexistent/settings.json", "DM1 1AA")]
    public async Task Usage_and_settings_errors_exit_1(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(1, exit);
        Assert.NotEqual(string.Empty, error);
    }

    [Fact]
    public async Task Real_settings_read_a_layered_index_and_a_failing_modern_gov_still_prints_every_layer_and_exits_2()
    {
        // "Real data by settings": an index file (as 'localgov boundaries index --layer …' writes) and the council's
        // Modern.Gov over HTTP, here a server that fails.
        var demo = Path.Combine(Sample, "Data", "demo");
        var resolver = BoundaryResolver.Build(
        [
            new("parish", BoundaryLoader.Load(Path.Combine(demo, "parishes.geojson"))),
            new("ward", BoundaryLoader.Load(Path.Combine(demo, "wards.geojson"))),
        ]);
        resolver.Save(Path.Combine(_folder, "layers.idx"));
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);
        var settings = Path.Combine(_folder, "settings.json");
        await File.WriteAllTextAsync(settings, new JsonObject { ["index"] = "layers.idx", ["modernGov"] = server.BaseAddress.ToString() }.ToJsonString(), TestContext.Current.CancellationToken);

        var (exit, output, error) = await RunAsync("--settings", settings, "--point", "-1.05,51.975");

        Assert.Equal(2, exit);
        Assert.Contains("parish  DEMO-P01  Ashcombe", Lines(output));
        Assert.Contains("ward    DEMO-W01  Ashcombe and Brookfield", Lines(output));
        Assert.Contains("Modern.Gov failed", error, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Contains("GetParishCouncils", StringComparison.Ordinal));
    }

    private static string[] Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PlaceLookup.RunAsync(args, output, error, cancellationToken: TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
