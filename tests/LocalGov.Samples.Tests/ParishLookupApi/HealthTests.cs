using System.Net;
using System.Text.Json;
using LocalGov.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using ParishLookupApi;

namespace LocalGov.Samples.Tests.ParishLookupApi;

/// <summary>/health/live and /health/ready over the demo boundaries, with postcodes.io played by a loopback server (or absent).</summary>
public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Demo(string file) => Path.Combine(RepositoryPaths.Root, "samples", "ParishLookupApi", "Data", file);

    private static async Task<WebApplication> StartAsync(Uri postcodesIo)
    {
        var app = ParishLookupApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration["LocalGov:Parishes:ParishBoundaries"] = Demo("demo-parishes.geojson");
            builder.Configuration["LocalGov:Parishes:DistrictBoundaries"] = Demo("demo-districts.geojson");
            builder.Configuration["PostcodesIo:BaseAddress"] = postcodesIo.ToString();
        });
        await app.StartAsync(Ct);
        return app;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(WebApplication app, string path)
    {
        using var response = await app.GetTestClient().GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
    }

    [Fact]
    public async Task Ready_is_healthy_with_the_index_loaded_and_postcodes_io_answering()
    {
        await using var postcodes = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"status":200,"result":"ready"}""", context.RequestAborted);
        }, Ct);
        await using var app = await StartAsync(postcodes.BaseAddress);

        var (liveStatus, live) = await GetAsync(app, "/health/live");
        var (readyStatus, ready) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var resolver = ready.GetProperty("checks").GetProperty("parish-resolver");
        Assert.True(resolver.GetProperty("data").GetProperty("areas").GetInt32() > 0);
        Assert.True(resolver.GetProperty("data").GetProperty("hasDistricts").GetBoolean());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("postcodes-io").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_postcodes_io_ready_is_degraded_but_still_in_service()
    {
        await using var app = await StartAsync(new Uri("http://127.0.0.1:9/"));

        var (status, ready) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        var postcodes = ready.GetProperty("checks").GetProperty("postcodes-io");
        Assert.Equal("Degraded", postcodes.GetProperty("status").GetString());
        // Connection refused is retried by the standard handler, so the 5 s limit usually ends the check first.
        Assert.StartsWith("postcodes.io ", postcodes.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("parish-resolver").GetProperty("status").GetString());
    }
}
