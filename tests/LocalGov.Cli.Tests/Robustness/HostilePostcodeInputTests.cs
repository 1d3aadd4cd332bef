using System.Diagnostics;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Cli.Tests.Robustness;

/// <summary>Hostile postcode inputs and server answers: exit 1–4 (never 5), and stderr names the problem without a stack trace.</summary>
public sealed class HostilePostcodeInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lg-hostile-pc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<LoopbackServer> Answering(int status, string body, string? retryAfter = null) => LoopbackServer.StartAsync(
        async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            await context.Response.WriteAsync(body, context.RequestAborted);
        },
        Ct);

    [Theory]
    [InlineData("Thu, 01 Jan 2099 00:00:00 GMT")]
    [InlineData("999999999")]
    public async Task A_retry_after_far_in_the_future_or_malformed_is_exit_2_at_once(string retryAfter)
    {
        await using var server = await Answering(429, """{"status":429,"error":"Too many requests"}""", retryAfter);
        var watch = Stopwatch.StartNew();
        var result = await CliRunner.RunAsync("postcode", "lookup", "SW1A 1AA", "--url", server.BaseAddress.ToString());
        HostileBoundaryInputTests.AssertCleanFailure(result, 2, "429");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("""{"status":200,"result":[null,null]}""", "null")]
    [InlineData("""{"status":200,"result":[{"query":"SW1A1AA","result":null},null]}""", "result 2")]
    public async Task Bulk_results_that_are_null_are_exit_2(string body, string mention)
    {
        await using var server = await Answering(200, body);
        File.WriteAllText(Path.Combine(_folder, "in.txt"), "SW1A1AA\nSW1A2AA\n");
        var result = await CliRunner.RunAsync("postcode", "bulk", "--input", Path.Combine(_folder, "in.txt"), "--url", server.BaseAddress.ToString());
        HostileBoundaryInputTests.AssertCleanFailure(result, 2, mention);
    }

    [Theory]
    [InlineData(999, 51.5)]
    [InlineData(-0.1, -999)]
    [InlineData(181, 0)]
    public async Task A_server_answer_outside_wgs84_is_exit_2(double longitude, double latitude)
    {
        await using var server = await Answering(200, """{"status":200,"result":{"postcode":"SW1A 1AA","longitude":""" + longitude.ToString(System.Globalization.CultureInfo.InvariantCulture) + ""","latitude":""" + latitude.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}");
        var result = await CliRunner.RunAsync("postcode", "lookup", "SW1A 1AA", "--url", server.BaseAddress.ToString());
        HostileBoundaryInputTests.AssertCleanFailure(result, 2, "not a WGS84 position");
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("999", "51", "longitude")]
    [InlineData("-0.1", "999", "latitude")]
    [InlineData("-180.5", "0", "longitude")]
    public async Task A_point_outside_wgs84_is_exit_4_before_any_request(string lon, string lat, string mention)
    {
        await using var server = await Answering(200, """{"status":200,"result":[]}""");
        var result = await CliRunner.RunAsync("postcode", "reverse", "--lon", lon, "--lat", lat, "--url", server.BaseAddress.ToString());
        HostileBoundaryInputTests.AssertCleanFailure(result, 4, mention);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("postcode", "reverse", "--lon", "-0,8", "--lat", "51")]
    [InlineData("postcode", "reverse", "--lon", "-1", "--lat", "51,5")]
    [InlineData("grid", "to-bng", "51,5", "-1")]
    [InlineData("grid", "to-wgs84", "400,000", "100000")]
    public async Task A_decimal_comma_is_refused_not_read_as_thousands(params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, .. args[0] == "postcode" ? new[] { "--url", "http://127.0.0.1:9/" } : []]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("decimal point", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("SW1A 1AA\n")]
    [InlineData("SW1A\r1AA")]
    [InlineData("SW1A 1AA\t")]
    public async Task An_id_with_a_control_character_is_exit_4_before_any_request(string postcode)
    {
        await using var server = await Answering(200, """{"status":200,"result":{"postcode":"SW1A 1AA"}}""");
        var result = await CliRunner.RunAsync("postcode", "lookup", postcode, "--url", server.BaseAddress.ToString());
        HostileBoundaryInputTests.AssertCleanFailure(result, 4, "control characters");
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_bulk_line_with_a_control_character_is_exit_4_with_its_line()
    {
        File.WriteAllText(Path.Combine(_folder, "in.txt"), "SW1A 1AA\n\nSW1A\u00001AA\n");
        var result = await CliRunner.RunAsync("postcode", "bulk", "--input", Path.Combine(_folder, "in.txt"), "--url", "http://127.0.0.1:9/");
        HostileBoundaryInputTests.AssertCleanFailure(result, 4, "line 3", "control character");
    }

    [Theory]
    [InlineData("postcode", "lookup", "SW1A 1AA")]
    [InlineData("postcode", "outcode", "SW1A")]
    [InlineData("postcode", "reverse", "--lon", "-0.14", "--lat", "51.5")]
    [InlineData("mapit", "point", "--lon", "-2.2", "--lat", "51.3")]
    public async Task A_user_agent_with_a_line_break_is_exit_1_and_nothing_is_sent(params string[] command)
    {
        await using var server = await Answering(200, "{}");
        foreach (var agent in new[] { "Agent\r\nX-Injected: 1", "Agent\nX", "Agent\u0007", "Agent\u00e9" })
        {
            var result = await CliRunner.RunAsync([.. command, "--url", server.BaseAddress.ToString(), "--user-agent", agent]);

            HostileBoundaryInputTests.AssertCleanFailure(result, 1, "--user-agent must");
            Assert.DoesNotContain("\r", result.Error, StringComparison.Ordinal);
        }

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_user_agent_given_reaches_postcodes_io_and_mapit()
    {
        var agents = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(
            async context =>
            {
                agents.Enqueue(context.Request.Headers.UserAgent.ToString());
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(
                    context.Request.Path.StartsWithSegments("/point", StringComparison.Ordinal) ? """{"60705":{"id":60705,"name":"Trowbridge","type":"CPC","codes":{"gss":"E04011842"}}}""" : """{"status":200,"result":{"postcode":"SW1A 1AA","longitude":-0.14,"latitude":51.5}}""",
                    context.RequestAborted);
            },
            Ct);

        var lookup = await CliRunner.RunAsync("postcode", "lookup", "SW1A 1AA", "--url", server.BaseAddress.ToString(), "--user-agent", "CouncilApp/2.1 (+https://example.gov.uk/contact)");
        var point = await CliRunner.RunAsync("mapit", "point", "--lon", "-2.2", "--lat", "51.3", "--url", server.BaseAddress.ToString(), "--user-agent", "CouncilMaps/1.0");

        Assert.Equal(0, lookup.ExitCode);
        Assert.Equal(0, point.ExitCode);
        Assert.Equal(["CouncilApp/2.1 (+https://example.gov.uk/contact)", "CouncilMaps/1.0"], agents);
    }

    [Theory]
    [InlineData("\"eastings\":99999999,\"northings\":179645", "outside the grid")]
    [InlineData("\"eastings\":529090,\"northings\":-5", "outside the grid")]
    [InlineData("\"longitude\":-0.14,\"latitude\":999", "not a WGS84 position")]
    public async Task A_server_answer_outside_the_grid_or_wgs84_is_exit_2_naming_it(string fields, string says)
    {
        await using var server = await Answering(200, """{"status":200,"result":{"postcode":"SW1A 1AA",""" + fields + "}}");

        var result = await CliRunner.RunAsync("postcode", "lookup", "SW1A 1AA", "--url", server.BaseAddress.ToString());

        HostileBoundaryInputTests.AssertCleanFailure(result, 2, says, "SW1A 1AA");
    }

    [Fact]
    public async Task A_mapit_point_given_with_a_decimal_comma_is_exit_1_not_a_request()
    {
        await using var server = await Answering(200, "{}");

        var result = await CliRunner.RunAsync("mapit", "point", "--lon", "-0,8", "--lat", "51.3", "--url", server.BaseAddress.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--lon", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
