using System.Text.Json.Nodes;
using BulkResolvePostcodes;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Samples.Tests.Console;

public sealed class BulkResolvePostcodesTests : IDisposable
{
    private static readonly string Demo = Path.Combine(RepositoryPaths.Root, "samples", "SpeedingReport", "Data", "demo");
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"postcodes-{Guid.NewGuid():N}.csv");

    [Fact]
    public async Task Resolves_a_csv_through_a_postcodes_io_server_to_parishes_and_districts_with_progress()
    {
        await File.WriteAllTextAsync(_csv, "ref,Postcode\n1,dm1 1aa\n2,\"DM2 3CC\"\n3,DM7 7AA\n4,nonsense\n5,DM9 9ZZ\n", TestContext.Current.CancellationToken);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            // postcodes.io's bulk lookup: one result per query, null where unknown.
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var known = new Dictionary<string, (double Lat, double Lon)> { ["DM1 1AA"] = (51.975, -1.05), ["DM2 3CC"] = (51.92, -1.0), ["DM9 9ZZ"] = (52.2, -1.0) };
            var results = new JsonArray();
            foreach (var query in body!["postcodes"]!.AsArray())
            {
                var text = query!.GetValue<string>();
                var key = text.ToUpperInvariant();
                results.Add(new JsonObject
                {
                    ["query"] = text,
                    ["result"] = known.TryGetValue(key, out var p) ? new JsonObject { ["postcode"] = key, ["latitude"] = p.Lat, ["longitude"] = p.Lon } : null,
                });
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["status"] = 200, ["result"] = results }.ToJsonString(), context.RequestAborted);
        }, TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await BulkResolver.RunAsync(
            [_csv, "--parishes", Path.Combine(Demo, "parishes.geojson"), "--districts", Path.Combine(Demo, "districts.geojson"), "--postcodes-io", server.BaseAddress.ToString()],
            output,
            error,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "postcode,outcome,latitude,longitude,area_kind,area_code,area_name",
                "DM1 1AA,found,51.975,-1.05,parish,DEMO-P01,Ashcombe",
                "DM2 3CC,found,51.92,-1,district,DEMO-D01,Demo Vale",
                "DM7 7AA,not-found,,,,,",
                "nonsense,invalid,,,,,",
                "DM9 9ZZ,found,52.2,-1,outside,,",
            ],
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Contains("5 postcodes read", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("resolved 5/5", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.StartsWith("/postcodes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_mode_runs_offline_on_the_example_file()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await BulkResolver.RunAsync(["--demo"], output, error, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("DM1 2BB,found,51.97,-0.95,parish,DEMO-P02,Brookfield", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("NOT A POSTCODE,invalid", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("DEMO DATA", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_without_the_postcode_column_is_refused_with_its_columns()
    {
        await File.WriteAllTextAsync(_csv, "id,address\n1,High Street\n", TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await BulkResolver.RunAsync([_csv, "--parishes", Path.Combine(Demo, "parishes.geojson")], output, error, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, exit);
        Assert.Contains("has no 'postcode' column; its columns are: id, address", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("file.csv")]
    [InlineData("file.csv|--parishes")]
    [InlineData("file.csv|--unknown|x")]
    public async Task Usage_errors_exit_with_1(string joined)
    {
        var args = joined.Split('|', StringSplitOptions.RemoveEmptyEntries);
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(1, await BulkResolver.RunAsync(args, output, error, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("Usage: BulkResolvePostcodes", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_csv);
}
