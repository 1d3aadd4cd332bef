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
}
