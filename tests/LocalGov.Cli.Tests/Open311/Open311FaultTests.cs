using System.Text.Json;
using LocalGov.Testing.Open311;

namespace LocalGov.Cli.Tests.Open311;

/// <summary>Faults through `localgov open311`: each a message on stderr, nothing on stdout, the documented exit code.</summary>
public sealed class Open311FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<GeoReportServer> StartAsync() => GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);

    private static string Url(GeoReportServer server) => server.BaseAddress.ToString().TrimEnd('/');

    [Fact]
    public async Task An_html_page_with_200_exits_2_naming_the_page()
    {
        await using var server = await StartAsync();
        server.HtmlNext();
        var result = await CliRunner.RunAsync("open311", "services", "--url", Url(server));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("HTML page", result.Error, StringComparison.Ordinal);
        Assert.Contains("Sign in to the council portal", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("NaN", "0")]
    [InlineData("51.7", "Infinity")]
    [InlineData("91", "0")]
    public async Task A_position_that_is_not_wgs84_exits_4_and_sends_nothing(string lat, string lon)
    {
        await using var server = await StartAsync();
        var result = await CliRunner.RunAsync("open311", "submit", "--url", Url(server), "--api-key", "test-key", "--service", "SPEED", "--lat", lat, "--long", lon, "--attribute", "road_type=main");
        Assert.True(result.ExitCode is 1 or 4, $"exit {result.ExitCode}: {result.Error}");
        Assert.Empty(server.Calls);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_rate_limit_exits_2_saying_when_to_retry()
    {
        await using var server = await StartAsync();
        server.RetryAfterNext(1, "3600", description: "Rate limit exceeded");
        var result = await CliRunner.RunAsync("open311", "submit", "--url", Url(server), "--api-key", "test-key", "--service", "SPEED", "--address", "High Street", "--attribute", "road_type=main");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Rate limit exceeded", result.Error, StringComparison.Ordinal);
        Assert.Contains("retry after 3600 s", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Malformed_json_and_xml_exit_2()
    {
        await using var server = await StartAsync();
        server.Next(async c =>
        {
            c.Response.ContentType = "application/json";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(c.Response, "[{\"service_code\": ", c.RequestAborted);
        });
        var json = await CliRunner.RunAsync("open311", "services", "--url", Url(server));
        Assert.Equal(2, json.ExitCode);
        Assert.Contains("not GeoReport v2 JSON", json.Error, StringComparison.Ordinal);

        server.Next(async c =>
        {
            c.Response.ContentType = "text/xml";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(c.Response, "<services><service><service_code>1</service_code>", c.RequestAborted);
        });
        var xml = await CliRunner.RunAsync("open311", "services", "--url", Url(server), "--format", "xml");
        Assert.Equal(2, xml.ExitCode);
        Assert.Contains("not GeoReport v2 XML", xml.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_not_yet_resolved_exits_3_and_json_says_so()
    {
        await using var server = await StartAsync();
        server.TokenLookupsBeforeId = 1;
        var submitted = await CliRunner.RunAsync("open311", "submit", "--url", Url(server), "--api-key", "test-key", "--service", "POTHOLE", "--address", "High Street", "--json");
        Assert.Equal(0, submitted.ExitCode);
        using var answer = JsonDocument.Parse(submitted.Output);
        var token = answer.RootElement.GetProperty("token").GetString()!;

        var waiting = await CliRunner.RunAsync("open311", "token", token, "--url", Url(server), "--json");
        Assert.Equal(3, waiting.ExitCode);
        using (var doc = JsonDocument.Parse(waiting.Output))
        {
            Assert.Equal(token, doc.RootElement.GetProperty("token").GetString());
            Assert.True(!doc.RootElement.TryGetProperty("service_request_id", out var id) || id.ValueKind == JsonValueKind.Null, waiting.Output);
        }

        var resolved = await CliRunner.RunAsync("open311", "token", token, "--url", Url(server));
        Assert.Equal(0, resolved.ExitCode);
        Assert.Equal(server.Requests.Single().Id, resolved.Output.Trim());
    }
}
