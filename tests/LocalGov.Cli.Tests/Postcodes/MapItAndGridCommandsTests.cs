using System.Globalization;
using System.Text.Json;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Cli.Tests.Postcodes;

public sealed class MapItAndGridCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mapit_point_prints_one_line_per_area_and_sends_types_and_key()
    {
        string? key = null;
        await using var server = await LoopbackServer.StartAsync(
            async c =>
            {
                key = c.Request.Headers["X-Api-Key"];
                c.Response.Headers["X-Quota-Current"] = "4";
                c.Response.Headers["X-Quota-Limit"] = "50";
                c.Response.ContentType = "application/json";
                await c.Response.WriteAsync("""{"60705": {"parent_area": 2245, "generation_high": 25, "all_names": {}, "id": 60705, "codes": {"gss": "E04011842"}, "name": "Trowbridge", "country": "E", "type_name": "Civil parish/community", "generation_low": 12, "country_name": "England", "type": "CPC"}}""", c.RequestAborted);
            },
            Ct);
        var result = await CliRunner.RunAsync("mapit", "point", "--lon", "-2.2084", "--lat", "51.3196", "--type", "CPC,DIS", "--url", server.BaseAddress.ToString(), "--api-key", "k");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("60705\tCPC\tE04011842\tTrowbridge", result.Output.Trim());
        Assert.Equal("k", key);
        Assert.Equal("/point/4326/-2.2084,51.3196?type=CPC,DIS", Uri.UnescapeDataString(server.Requests.Single()));
        Assert.Contains("MapIt quota: 4 of 50 used.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapit_errors_map_to_exit_codes()
    {
        await using var server = await LoopbackServer.StartAsync(400, """{"code": 400, "error": "Bad \"within\" parameter specified"}""", "application/json", Ct);
        var result = await CliRunner.RunAsync("mapit", "point", "--lon", "-2.2", "--lat", "51.3", "--url", server.BaseAddress.ToString());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Bad \"within\" parameter specified", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grid_to_bng_and_back_with_helmert()
    {
        var bng = await CliRunner.RunAsync("grid", "to-bng", "50.57563665", "-1.2978227724");
        Assert.Equal(0, bng.ExitCode);
        var parts = bng.Output.Trim().Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Assert.InRange(parts[0], 449816.371 - 3, 449816.371 + 3);
        Assert.InRange(parts[1], 75335.861 - 3, 75335.861 + 3);

        var wgs = await CliRunner.RunAsync("grid", "to-wgs84", parts[0].ToString(CultureInfo.InvariantCulture), parts[1].ToString(CultureInfo.InvariantCulture), "--json");
        Assert.Equal(0, wgs.ExitCode);
        using var doc = JsonDocument.Parse(wgs.Output);
        Assert.Equal(50.57563665, doc.RootElement.GetProperty("latitude").GetDouble(), 6);
        Assert.Equal("helmert", doc.RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Grid_with_ostn15_data_is_exact()
    {
        var grid = SharedData.Require("data/ostn15/grid");
        var result = await CliRunner.RunAsync("grid", "to-bng", "50.57563665", "-1.2978227724", "--ostn15", grid);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("449816.371 75335.861", result.Output.Trim());
    }

    [Fact]
    public async Task Grid_input_errors_map_to_exit_codes()
    {
        Assert.Equal(4, (await CliRunner.RunAsync("grid", "to-bng", "91", "0")).ExitCode);
        Assert.Equal(4, (await CliRunner.RunAsync("grid", "to-wgs84", "-5", "100")).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync("grid", "to-bng", "51", "0", "--ostn15", "/nonexistent/ostn15")).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync("grid", "to-bng", "north", "0")).ExitCode);
        var empty = Directory.CreateTempSubdirectory("ostn15-empty-");
        try
        {
            var missing = await CliRunner.RunAsync("grid", "to-bng", "51", "0", "--ostn15", empty.FullName);
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("ostn_east_shift_", missing.Error, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(true);
        }
    }
}
