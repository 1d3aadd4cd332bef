namespace LocalGov.Cli.Tests.Boundaries;

public sealed class BoundaryAreasCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lgb-areas-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Every_layer_per_point_with_bad_lines_reported_and_exit_4()
    {
        var parishes = Path.Combine(_folder, "p.csv");
        var wards = Path.Combine(_folder, "w.csv");
        var points = Path.Combine(_folder, "pts.csv");
        File.WriteAllText(parishes, "PAR20CD,PAR20NM,geometry\nE04000001,Alpha,\"POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))\"\n");
        File.WriteAllText(wards, "WD20CD,WD20NM,geometry\nE05000001,Beta,\"POLYGON ((399000 199000, 402000 199000, 402000 202000, 399000 202000, 399000 199000))\"\n");
        File.WriteAllText(points, "x,y\n400500,200500\nnot,a point\n401500,200500\n");

        var result = await CliRunner.RunAsync("boundaries", "areas", "--layer", "parish=" + parishes, "--layer", "ward=" + wards, "--input", points);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("x,y,parish_code,parish_name,ward_code,ward_name\n400500,200500,E04000001,Alpha,E05000001,Beta\n401500,200500,none,,E05000001,Beta\n", result.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_layered_index_built_once_answers_the_same_and_info_lists_its_layers()
    {
        var (wards, counties, points) = WriteWardsAndCounties();
        string[] layers = ["--layer", "ward=" + wards, "--layer", "county=" + counties, "--code-field", "county=CTY_CODE", "--name-field", "county=CTY_NAME"];
        var direct = await CliRunner.RunAsync(["boundaries", "areas", .. layers, "--input", points]);

        var index = Path.Combine(_folder, "layers.idx");
        var build = await CliRunner.RunAsync(["boundaries", "index", .. layers, "--out", index]);
        Assert.Equal(0, build.ExitCode);
        Assert.Contains("3 areas in 2 layers (ward, county)", build.Output, StringComparison.Ordinal);

        var fromIndex = await CliRunner.RunAsync("boundaries", "areas", "--index", index, "--input", points);

        Assert.Equal(0, direct.ExitCode);
        Assert.Equal(0, fromIndex.ExitCode);
        Assert.Equal(
            "x,y,ward_code,ward_name,county_code,county_name\n400500,200500,E05000001,North,C1,Shire\n400500,199500,E05000002,South,C1,Shire\n500000,500000,none,,none,\n",
            fromIndex.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(direct.Output, fromIndex.Output);

        var info = await CliRunner.RunAsync("boundaries", "info", index);
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("layers: ward, county", info.Output, StringComparison.Ordinal);
        Assert.Contains("areas: 3", info.Output, StringComparison.Ordinal);

        // 'resolve' answers parish-else-district: an index without a parish layer is refused with a reason.
        var resolve = await CliRunner.RunAsync("boundaries", "resolve", "--index", index, "--input", points);
        Assert.Equal(4, resolve.ExitCode);
        Assert.Contains("parish", resolve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_keeps_working_on_a_layered_index_with_a_parish_layer()
    {
        var (wards, counties, points) = WriteWardsAndCounties();
        var parishes = Path.Combine(_folder, "p.csv");
        File.WriteAllText(parishes, "PAR20CD,PAR20NM,geometry\nE04000001,Alpha,\"POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))\"\n");
        var index = Path.Combine(_folder, "three.idx");
        var build = await CliRunner.RunAsync("boundaries", "index", "--layer", "parish=" + parishes, "--layer", "ward=" + wards, "--layer", "district=" + counties, "--code-field", "district=CTY_CODE", "--out", index);
        Assert.Equal(0, build.ExitCode);

        var resolve = await CliRunner.RunAsync("boundaries", "resolve", "--index", index, "--input", points);

        Assert.Equal(0, resolve.ExitCode);
        Assert.Equal("400500,200500,E04000001,Alpha,parish\n400500,199500,C1,,district\n500000,500000,,,none\n", resolve.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_lines_give_kind_none_where_no_area_covers_the_point_and_bad_lines_do_not_stop_the_stream()
    {
        var (wards, counties, _) = WriteWardsAndCounties();
        var points = Path.Combine(_folder, "mixed.csv");
        File.WriteAllText(points, "400500,200500\n400500\n500000,500000\n1e300,5\n");

        var result = await CliRunner.RunAsync("boundaries", "areas", "--layer", "ward=" + wards, "--layer", "county=" + counties, "--code-field", "county=CTY_CODE", "--name-field", "county=CTY_NAME", "--input", points, "--json");

        Assert.Equal(4, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("{\"x\":400500,\"y\":200500,\"ward\":{\"code\":\"E05000001\",\"name\":\"North\",\"kind\":\"ward\"},\"county\":{\"code\":\"C1\",\"name\":\"Shire\",\"kind\":\"county\"}}", lines[0].TrimEnd('\r'));
        Assert.Equal("{\"x\":500000,\"y\":500000,\"ward\":{\"code\":null,\"name\":null,\"kind\":\"none\"},\"county\":{\"code\":null,\"name\":null,\"kind\":\"none\"}}", lines[1].TrimEnd('\r'));
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 4", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--code-field", "nosuch=CODE")]
    [InlineData("--layer", "ward")]
    public async Task Layer_options_that_do_not_fit_are_usage_errors(string option, string value)
    {
        var (wards, _, points) = WriteWardsAndCounties();

        var areas = await CliRunner.RunAsync("boundaries", "areas", "--layer", "ward=" + wards, option, value, "--input", points);
        var index = await CliRunner.RunAsync("boundaries", "index", "--layer", "ward=" + wards, option, value, "--out", Path.Combine(_folder, "x.idx"));

        Assert.Equal(1, areas.ExitCode);
        Assert.Equal(1, index.ExitCode);
        Assert.False(File.Exists(Path.Combine(_folder, "x.idx")));
    }

    [Fact]
    public async Task Index_refuses_layers_mixed_with_parishes()
    {
        var (wards, _, _) = WriteWardsAndCounties();

        var result = await CliRunner.RunAsync("boundaries", "index", "--layer", "ward=" + wards, "--parishes", wards, "--out", Path.Combine(_folder, "x.idx"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not both", result.Error, StringComparison.Ordinal);
    }

    private (string Wards, string Counties, string Points) WriteWardsAndCounties()
    {
        var wards = Path.Combine(_folder, "wards.csv");
        var counties = Path.Combine(_folder, "counties.csv");
        var points = Path.Combine(_folder, "points.csv");
        File.WriteAllText(wards,
            "WD20CD,WD20NM,geometry\n" +
            "E05000001,North,\"POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))\"\n" +
            "E05000002,South,\"POLYGON ((400000 199000, 401000 199000, 401000 200000, 400000 200000, 400000 199000))\"\n");
        File.WriteAllText(counties, "CTY_CODE,CTY_NAME,geometry\nC1,Shire,\"POLYGON ((399000 198000, 402000 198000, 402000 202000, 399000 202000, 399000 198000))\"\n");
        File.WriteAllText(points, "x,y\n400500,200500\n400500,199500\n500000,500000\n");
        return (wards, counties, points);
    }
}
