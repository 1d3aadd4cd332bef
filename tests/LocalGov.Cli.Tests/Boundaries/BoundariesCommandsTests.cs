namespace LocalGov.Cli.Tests.Boundaries;

public sealed class BoundariesCommandsTests : IDisposable
{
    private const string ParishCsv =
        "PAR20CD,PAR20NM,geometry\n" +
        "E04000001,\"Upper, Lower and \"\"Middle\"\"\",\"POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))\"\n" +
        "E43000001,Unparished,\"POLYGON ((401000 200000, 402000 200000, 402000 201000, 401000 201000, 401000 200000))\"\n" +
        "E04000003,Bowtie,\"POLYGON ((403000 200000, 404000 201000, 404000 200000, 403000 201000, 403000 200000))\"\n" +
        "E04000004,Empty,POLYGON EMPTY\n";

    private const string DistrictCsv =
        "LAD20CD,LAD20NM,geometry\n" +
        "E07000004,Aylesbury Vale,\"POLYGON ((399000 199000, 405000 199000, 405000 202000, 399000 202000, 399000 199000))\"\n";

    private const string Points = "x,y\n400500,200500\n401500,200500\n\n399500,200500\n300000,300000\n401000,200500\n";

    private const string Expected =
        "400500,200500,E04000001,\"Upper, Lower and \"\"Middle\"\"\",parish\n" +
        "401500,200500,E43000001,Unparished,non-parished-area\n" +
        "399500,200500,E07000004,Aylesbury Vale,district\n" +
        "300000,300000,,,none\n" +
        "401000,200500,E43000001,Unparished,non-parished-area\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("lgb-cli-").FullName;

    public BoundariesCommandsTests()
    {
        File.WriteAllText(PathOf("parishes.csv"), ParishCsv);
        File.WriteAllText(PathOf("districts.csv"), DistrictCsv);
        File.WriteAllText(PathOf("points.csv"), Points);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Resolve_writes_one_csv_line_per_point_in_input_order()
    {
        var result = await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("parishes.csv"), "--districts", PathOf("districts.csv"), "--input", PathOf("points.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Expected, result.Output);
    }

    [Fact]
    public async Task Stats_go_to_stderr_only()
    {
        var result = await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("parishes.csv"), "--districts", PathOf("districts.csv"), "--input", PathOf("points.csv"), "--stats");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Expected, result.Output);
        Assert.Matches(@"5 lookups in [0-9.]+ ms: [0-9]+ lookups/s", result.Error);
    }

    [Fact]
    public async Task An_index_built_once_answers_the_same()
    {
        var build = await CliRunner.RunAsync("boundaries", "index", "--parishes", PathOf("parishes.csv"), "--districts", PathOf("districts.csv"), "--out", PathOf("p.idx"));
        Assert.Equal(0, build.ExitCode);
        Assert.Contains("4 areas", build.Output, StringComparison.Ordinal);

        var result = await CliRunner.RunAsync("boundaries", "resolve", "--index", PathOf("p.idx"), "--input", PathOf("points.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Expected, result.Output);

        var info = await CliRunner.RunAsync("boundaries", "info", PathOf("p.idx"));
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("crs: EPSG:27700", info.Output, StringComparison.Ordinal);
        Assert.Contains("areas: 4 (1 districts)", info.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_prints_the_load_report()
    {
        var result = await CliRunner.RunAsync("boundaries", "info", PathOf("parishes.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("features: 4 read, 3 loaded, 1 repaired, 1 skipped", result.Output, StringComparison.Ordinal);
        Assert.Contains("fields: code=PAR20CD, name=PAR20NM", result.Output, StringComparison.Ordinal);
        Assert.Contains("repaired: feature 3 E04000003", result.Output, StringComparison.Ordinal);
        Assert.Contains("skipped: feature 4 E04000004: empty geometry", result.Output, StringComparison.Ordinal);

        var json = await CliRunner.RunAsync("boundaries", "info", PathOf("parishes.csv"), "--json");
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("\"featuresLoaded\": 3", json.Output, StringComparison.Ordinal);
        Assert.Contains("\"crs\": \"BritishNationalGrid\"", json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_reads_a_topojson_file()
    {
        // Two districts sharing arc 0, quantized to a 0.5° grid; the second has a null geometry.
        File.WriteAllText(PathOf("lad.json"), """
            {"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[-1,51]},
             "objects":{"lad":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0,1]],"properties":{"areacd":"E07000004","areanm":"Aylesbury Vale"}},
              {"type":"Polygon","arcs":[[2,-1]],"properties":{"areacd":"E07000005","areanm":"Chiltern"}},
              {"type":null,"properties":{"areacd":"E07000006","areanm":"South Bucks"}}]}},
             "arcs":[[[2,0],[0,2]],[[2,2],[-2,0],[0,-2],[2,0]],[[2,0],[2,0],[0,2],[-2,0]]]}
            """);

        var result = await CliRunner.RunAsync("boundaries", "info", PathOf("lad.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("format: TopoJSON", result.Output, StringComparison.Ordinal);
        Assert.Contains("#lad", result.Output, StringComparison.Ordinal);
        Assert.Contains("features: 3 read, 2 loaded, 0 repaired, 1 skipped", result.Output, StringComparison.Ordinal);
        Assert.Contains("crs: EPSG:4326", result.Output, StringComparison.Ordinal);
        Assert.Contains("fields: code=areacd, name=areanm", result.Output, StringComparison.Ordinal);
        Assert.Contains("skipped: feature 3 E07000006: no geometry", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_object_of_a_topology_with_several_is_picked_with_a_hash()
    {
        File.WriteAllText(PathOf("two.topojson"), """
            {"type":"Topology","objects":{
              "lad":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"areacd":"E07000004","areanm":"Aylesbury Vale"}}]},
              "wards":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"areacd":"E05000001","areanm":"Ward"}},{"type":"Polygon","arcs":[[0]],"properties":{"areacd":"E05000002","areanm":"Ward 2"}}]}},
             "arcs":[[[-1,51],[0,51],[0,52],[-1,52],[-1,51]]]}
            """);

        var ambiguous = await CliRunner.RunAsync("boundaries", "info", PathOf("two.topojson"));
        var wards = await CliRunner.RunAsync("boundaries", "info", PathOf("two.topojson") + "#wards");
        var missing = await CliRunner.RunAsync("boundaries", "info", PathOf("nothing.topojson") + "#wards");

        Assert.NotEqual(0, ambiguous.ExitCode);
        Assert.Contains("lad, wards", ambiguous.Error, StringComparison.Ordinal);
        Assert.Equal(0, wards.ExitCode);
        Assert.Contains("features: 2 read, 2 loaded", wards.Output, StringComparison.Ordinal);
        Assert.Contains("file not found", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crs_overrides_what_cannot_be_detected()
    {
        File.WriteAllText(PathOf("local.csv"), "code,name,wkt\nE04000009,Tiny,\"POLYGON ((0 0, 5 0, 5 5, 0 5, 0 0))\"\n");
        File.WriteAllText(PathOf("near.csv"), "1,1\n");

        var undetected = await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("local.csv"), "--input", PathOf("near.csv"));
        Assert.Equal(4, undetected.ExitCode);
        Assert.Contains("cannot tell the CRS", undetected.Error, StringComparison.Ordinal);

        var overridden = await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("local.csv"), "--crs", "EPSG:27700", "--input", PathOf("near.csv"));
        Assert.Equal(0, overridden.ExitCode);
        Assert.Equal("1,1,E04000009,Tiny,parish\n", overridden.Output);
    }

    [Theory]
    [InlineData("x,y\n1,2\nnot,a point\n", "line 3", "1,2,,,none\n")]
    [InlineData("1,2,3\n", "line 1", "")]
    [InlineData("400000,NaN\n", "not a British National Grid", "")]
    [InlineData("9999999,200000\n", "not a British National Grid", "")]
    [InlineData("400500,200500\n9999999,200000\n400500,200500\n", "line 2", "400500,200500,E04000001,\"Upper, Lower and \"\"Middle\"\"\",parish\n400500,200500,E04000001,\"Upper, Lower and \"\"Middle\"\"\",parish\n")]
    public async Task Bad_points_are_reported_with_their_line_good_ones_still_answered_and_exit_4(string points, string message, string output)
    {
        File.WriteAllText(PathOf("bad.csv"), points);

        var result = await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("parishes.csv"), "--input", PathOf("bad.csv"));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(output, result.Output);
    }

    [Fact]
    public async Task Usage_errors_exit_1()
    {
        Assert.Equal(1, (await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("missing.csv"), "--input", PathOf("points.csv"))).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync("boundaries", "resolve", "--input", PathOf("points.csv"))).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("parishes.csv"), "--crs", "EPSG:3857", "--input", PathOf("points.csv"))).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("parishes.csv"), "--index", PathOf("x.idx"))).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync("boundaries", "index", "--parishes", PathOf("parishes.csv"))).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync("boundaries", "info", PathOf("missing.csv"))).ExitCode);
    }

    [Fact]
    public async Task A_corrupt_index_or_malformed_boundary_file_is_invalid_input()
    {
        File.WriteAllBytes(PathOf("bad.idx"), [.. "LGBNDIDX"u8, 1, 0, 0, 0, 7]);
        var corrupt = await CliRunner.RunAsync("boundaries", "resolve", "--index", PathOf("bad.idx"), "--input", PathOf("points.csv"));
        Assert.Equal(4, corrupt.ExitCode);
        Assert.Contains("bad.idx", corrupt.Error, StringComparison.Ordinal);

        File.WriteAllText(PathOf("broken.csv"), "code,wkt\nE1,\"POLYGON ((0 0, 1\"\n");
        var malformed = await CliRunner.RunAsync("boundaries", "info", PathOf("broken.csv"));
        Assert.Equal(4, malformed.ExitCode);
        Assert.Contains("line 2", malformed.Error, StringComparison.Ordinal);
    }
}
