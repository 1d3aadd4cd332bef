using System.Text.Json;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Cli.Tests.Postcodes;

public sealed class PostcodeCommandsTests
{
    private const string Sw1a = """{"postcode":"SW1A 1AA","quality":1,"eastings":529090,"northings":179645,"country":"England","longitude":-0.141588,"latitude":51.501009,"parliamentary_constituency_2024":"Cities of London and Westminster","admin_district":"Westminster","parish":"Westminster, unparished area","codes":{"admin_district":"E09000033","parish":"E43000236"}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<LoopbackServer> Server(RequestDelegate handler) => LoopbackServer.StartAsync(handler, Ct);

    private static async Task Write(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    [Fact]
    public async Task Lookup_prints_postcodes_io_field_names()
    {
        await using var server = await Server(c => Write(c, 200, $$"""{"status":200,"result":{{Sw1a}}}"""));
        var text = await CliRunner.RunAsync("postcode", "lookup", "sw1a1aa", "--url", server.BaseAddress.ToString());
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("postcode: SW1A 1AA", text.Output, StringComparison.Ordinal);
        Assert.Contains("codes.parish: E43000236", text.Output, StringComparison.Ordinal);
        Assert.Contains("parliamentary_constituency_2024: Cities of London and Westminster", text.Output, StringComparison.Ordinal);

        var json = await CliRunner.RunAsync("postcode", "lookup", "SW1A 1AA", "--url", server.BaseAddress.ToString(), "--json");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal("E43000236", doc.RootElement.GetProperty("codes").GetProperty("parish").GetString());
        Assert.Equal(529090, doc.RootElement.GetProperty("eastings").GetInt32());
    }

    [Theory]
    [InlineData(404, """{"status":404,"error":"Postcode not found"}""", 3)]
    [InlineData(404, """{"status":404,"error":"Invalid postcode"}""", 4)]
    [InlineData(400, """{"status":400,"error":"Invalid longitude/latitude submitted"}""", 2)]
    public async Task Lookup_errors_map_to_exit_codes(int status, string body, int exitCode)
    {
        await using var server = await Server(c => Write(c, status, body));
        var result = await CliRunner.RunAsync("postcode", "lookup", "ZZ1 1ZZ", "--url", server.BaseAddress.ToString());
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains(JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_writes_one_json_line_per_input_in_order_with_progress_on_stderr()
    {
        await using var server = await Server(async c =>
        {
            using var reader = new StreamReader(c.Request.Body);
            using var request = JsonDocument.Parse(await reader.ReadToEndAsync(c.RequestAborted));
            var items = request.RootElement.GetProperty("postcodes").EnumerateArray().Select(p => p.GetString()!)
                .Select(p => $$"""{"query":{{JsonSerializer.Serialize(p)}},"result":{{(p.Replace(" ", "", StringComparison.Ordinal).Equals("SW1A1AA", StringComparison.OrdinalIgnoreCase) ? Sw1a : "null")}}}""");
            await Write(c, 200, "{\"status\":200,\"result\":[" + string.Join(',', items) + "]}");
        });
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(input, ["sw1a1aa", "", "ZZ1 1ZZ", "nonsense", "SW1A 1AA"], Ct);
            var result = await CliRunner.RunAsync("postcode", "bulk", "--url", server.BaseAddress.ToString(), "--input", input);
            Assert.Equal(0, result.ExitCode);
            var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["sw1a1aa", "ZZ1 1ZZ", "nonsense", "SW1A 1AA"], lines.Select(l => l.GetProperty("query").GetString()));
            Assert.Equal("SW1A 1AA", lines[0].GetProperty("result").GetProperty("postcode").GetString());
            Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("result").ValueKind);
            Assert.Contains("4 looked up: 2 found, 1 not found, 1 not postcodes.", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task Bulk_with_a_missing_input_file_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("postcode", "bulk", "--input", "/nonexistent/postcodes.txt");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_offline_and_online()
    {
        var ok = await CliRunner.RunAsync("postcode", "validate", "sw1a 1aa", "--offline");
        Assert.Equal((0, "true"), (ok.ExitCode, ok.Output.Trim()));
        var bad = await CliRunner.RunAsync("postcode", "validate", "hello", "--offline");
        Assert.Equal((4, "false"), (bad.ExitCode, bad.Output.Trim()));

        await using var server = await Server(c => Write(c, 200, """{"status":200,"result":false}"""));
        var online = await CliRunner.RunAsync("postcode", "validate", "ZZ1 1ZZ", "--url", server.BaseAddress.ToString(), "--json");
        Assert.Equal(3, online.ExitCode);
        Assert.False(JsonDocument.Parse(online.Output).RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("/postcodes/ZZ1 1ZZ/validate", Uri.UnescapeDataString(server.Requests.Single()));
    }

    [Fact]
    public async Task Nearest_and_reverse_print_postcodes_with_distances()
    {
        var withDistance = Sw1a[..^1] + ",\"distance\":12.5}";
        await using var server = await Server(c => Write(c, 200, $$"""{"status":200,"result":[{{withDistance}}]}"""));
        var nearest = await CliRunner.RunAsync("postcode", "nearest", "SW1A 1AA", "--url", server.BaseAddress.ToString(), "--limit", "1");
        Assert.Equal(0, nearest.ExitCode);
        Assert.StartsWith("SW1A 1AA\t12.5\tWestminster", nearest.Output, StringComparison.Ordinal);

        var reverse = await CliRunner.RunAsync("postcode", "reverse", "--lon", "-0.141588", "--lat", "51.501009", "--url", server.BaseAddress.ToString(), "--json");
        Assert.Equal(0, reverse.ExitCode);
        Assert.Equal(12.5, JsonDocument.Parse(reverse.Output).RootElement[0].GetProperty("distance").GetDouble());
        Assert.Contains("/postcodes?lon=-0.141588&lat=51.501009", server.Requests[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reverse_with_nothing_near_is_not_found()
    {
        await using var server = await Server(c => Write(c, 200, """{"status":200,"result":null}"""));
        var result = await CliRunner.RunAsync("postcode", "reverse", "--lon", "0", "--lat", "0", "--url", server.BaseAddress.ToString());
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("No postcode within the radius", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcode_and_places()
    {
        await using var server = await Server(c => c.Request.Path.StartsWithSegments("/outcodes", StringComparison.Ordinal)
            ? Write(c, 200, """{"status":200,"result":{"outcode":"AB10","longitude":-2.12,"latitude":57.13,"northings":804933,"eastings":392815,"admin_district":["Aberdeen City"],"parish":[],"admin_county":[],"admin_ward":["A","B"],"country":["Scotland"],"parliamentary_constituency":["Aberdeen North"]}}""")
            : Write(c, 200, """{"status":200,"result":[{"code":"osgb4000000074562649","name_1":"Kippen","local_type":"Village","county_unitary":"Stirling","longitude":-4.17,"latitude":56.12}]}"""));
        var outcode = await CliRunner.RunAsync("postcode", "outcode", "AB10", "--url", server.BaseAddress.ToString());
        Assert.Equal(0, outcode.ExitCode);
        Assert.Contains("admin_ward: A; B", outcode.Output, StringComparison.Ordinal);
        var places = await CliRunner.RunAsync("postcode", "places", "kippen", "--url", server.BaseAddress.ToString(), "--limit", "2");
        Assert.Equal(0, places.ExitCode);
        Assert.StartsWith("osgb4000000074562649\tKippen\tVillage\tStirling", places.Output, StringComparison.Ordinal);
        Assert.Contains("/places?q=kippen&limit=2", server.Requests[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_url_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("postcode", "lookup", "SW1A 1AA", "--url", "not a url");
        Assert.Equal(1, result.ExitCode);
    }
}
