using System.Text.Json;
using LocalGov.Testing.Open311;

namespace LocalGov.Cli.Tests.Open311;

public sealed class Open311CommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<GeoReportServer> StartAsync() => GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);

    private static string Url(GeoReportServer server) => server.BaseAddress.ToString().TrimEnd('/');

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Services_prints_one_line_per_service(string format)
    {
        await using var server = await StartAsync();
        var result = await CliRunner.RunAsync("open311", "services", "--url", Url(server), "--format", format);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["POTHOLE\tbatch\tRoads\tPothole", "SPEED*\trealtime\tRoads\tSpeeding vehicles"], result.Output.TrimEnd().Split('\n'));
        Assert.EndsWith("." + format, server.Calls.Single().PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_prints_attributes_and_json_uses_the_spec_names()
    {
        await using var server = await StartAsync();
        var text = await CliRunner.RunAsync("open311", "service", "SPEED", "--url", Url(server));
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("road_type\tsinglevaluelist\trequired\tWhat kind of road?\n  residential\tResidential street\n", text.Output, StringComparison.Ordinal);

        var json = await CliRunner.RunAsync("open311", "service", "SPEED", "--url", Url(server), "--format", "xml", "--json");
        using var doc = JsonDocument.Parse(json.Output);
        var first = doc.RootElement.GetProperty("attributes")[0];
        Assert.Equal("road_type", first.GetProperty("code").GetString());
        Assert.Equal("singlevaluelist", first.GetProperty("datatype").GetString());
        Assert.True(first.GetProperty("required").GetBoolean());
        Assert.Equal("main", first.GetProperty("values")[1].GetProperty("key").GetString());
    }

    [Fact]
    public async Task Submit_sends_every_option_and_prints_the_id()
    {
        await using var server = await StartAsync();
        var result = await CliRunner.RunAsync(
            "open311", "submit", "--url", Url(server), "--api-key", "test-key", "--service", "SPEED", "--lat", "51.752", "--long", "-1.2577",
            "--description", "Racing past the school", "--email", "sam@example.org", "--first-name", "Sam", "--last-name", "Sample", "--phone", "01632 960000",
            "--attribute", "road_type=main", "--attribute", "days=mon", "--attribute", "days=fri", "--check");
        Assert.Equal(0, result.ExitCode);
        var stored = server.Requests.Single();
        Assert.Equal($"service_request_id: {stored.Id}", result.Output.Trim());
        Assert.Contains("Notice: We aim to respond", result.Error, StringComparison.Ordinal);
        Assert.Equal(["mon", "fri"], stored.Attributes["days"]);
        Assert.Equal("Sample", stored.Field("last_name"));
        Assert.Equal("01632 960000", stored.Field("phone"));
        Assert.Equal("51.752", stored.Field("lat"));
        Assert.Equal(2, server.Calls.Count);
    }

    [Fact]
    public async Task Submit_to_a_batch_service_prints_the_token_and_token_resolves_it()
    {
        await using var server = await StartAsync();
        server.TokenLookupsBeforeId = 1;
        var submitted = await CliRunner.RunAsync("open311", "submit", "--url", Url(server), "--api-key", "test-key", "--service", "POTHOLE", "--address", "12 High Street", "--json");
        Assert.Equal(0, submitted.ExitCode);
        using var doc = JsonDocument.Parse(submitted.Output);
        var token = doc.RootElement.GetProperty("token").GetString()!;
        Assert.False(doc.RootElement.TryGetProperty("service_request_id", out _));

        var pending = await CliRunner.RunAsync("open311", "token", token, "--url", Url(server));
        Assert.Equal(3, pending.ExitCode);
        Assert.Contains("ask again later", pending.Error, StringComparison.Ordinal);
        var resolved = await CliRunner.RunAsync("open311", "token", token, "--url", Url(server));
        Assert.Equal(0, resolved.ExitCode);
        Assert.Equal(server.Requests.Single().Id, resolved.Output.Trim());
    }

    [Fact]
    public async Task A_rejected_key_exits_2_with_the_servers_reason()
    {
        await using var server = await StartAsync();
        var result = await CliRunner.RunAsync("open311", "submit", "--url", Url(server), "--api-key", "wrong", "--service", "SPEED", "--address", "x", "--attribute", "road_type=main");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid api_key", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_400_and_a_bad_attribute_exit_4()
    {
        await using var server = await StartAsync();
        var refused = await CliRunner.RunAsync("open311", "submit", "--url", Url(server), "--api-key", "test-key", "--service", "SPEED", "--address", "x", "--format", "xml");
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("Attribute road_type is required", refused.Error, StringComparison.Ordinal);

        var checkedLocally = await CliRunner.RunAsync("open311", "submit", "--url", Url(server), "--api-key", "test-key", "--service", "SPEED", "--address", "x", "--attribute", "road_type=motorway", "--check");
        Assert.Equal(4, checkedLocally.ExitCode);
        Assert.Contains("attribute 'road_type'", checkedLocally.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);

        var noLocation = await CliRunner.RunAsync("open311", "submit", "--url", Url(server), "--service", "SPEED");
        Assert.Equal(4, noLocation.ExitCode);
    }

    [Fact]
    public async Task A_server_failure_exits_2_and_unknown_things_exit_3()
    {
        await using var server = await StartAsync();
        server.FailNext(10, 500, "CRM is down");
        var failed = await CliRunner.RunAsync("open311", "services", "--url", Url(server));
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("CRM is down", failed.Error, StringComparison.Ordinal);

        await using var fresh = await StartAsync();
        Assert.Equal(3, (await CliRunner.RunAsync("open311", "service", "NOPE", "--url", Url(fresh))).ExitCode);
        Assert.Equal(3, (await CliRunner.RunAsync("open311", "request", "424242", "--url", Url(fresh))).ExitCode);
        Assert.Equal(3, (await CliRunner.RunAsync("open311", "requests", "--url", Url(fresh), "--status", "open")).ExitCode);
    }

    [Fact]
    public async Task Request_and_requests_print_the_spec_fields()
    {
        await using var server = await StartAsync();
        var seeded = server.Seed("POTHOLE", "closed", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), "Filled in");
        var one = await CliRunner.RunAsync("open311", "request", seeded.Id, "--url", Url(server), "--format", "xml");
        Assert.Equal(0, one.ExitCode);
        Assert.Contains($"service_request_id: {seeded.Id}\nstatus: closed\n", one.Output, StringComparison.Ordinal);
        Assert.Contains("requested_datetime: 2026-11-02T09:00:00+00:00", one.Output, StringComparison.Ordinal);

        var many = await CliRunner.RunAsync("open311", "requests", "--url", Url(server), "--service", "POTHOLE", "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-30T00:00:00Z", "--json");
        Assert.Equal(0, many.ExitCode);
        using var doc = JsonDocument.Parse(many.Output);
        Assert.Equal(seeded.Id, doc.RootElement[0].GetProperty("service_request_id").GetString());
        Assert.Contains("start_date=2026-11-01T00%3A00%3A00Z", server.Calls[^1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_url_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("open311", "services", "--url", "not a url");
        Assert.Equal(1, result.ExitCode);
    }
}
