using System.Net;
using System.Text.Json;
using LocalGov.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using ParishLookupApi;

namespace LocalGov.Samples.Tests.ParishLookupApi;

/// <summary>The minimal API over the demo boundaries, with postcodes.io played by a loopback server.</summary>
public sealed class ParishLookupApiTests
{
    // Points inside the demo parish Ashcombe, and inside the demo district but outside every parish.
    private const string InAshcombe = "lon=-0.8343&lat=51.7874";
    private const string InDistrictOnly = "lon=-0.79085&lat=51.78694";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Demo(string file) => Path.Combine(RepositoryPaths.Root, "samples", "ParishLookupApi", "Data", file);

    private static async Task<WebApplication> StartAsync(Uri? postcodesIo = null, string? parishes = null)
    {
        var app = ParishLookupApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration["LocalGov:Parishes:ParishBoundaries"] = parishes ?? Demo("demo-parishes.geojson");
            builder.Configuration["LocalGov:Parishes:DistrictBoundaries"] = Demo("demo-districts.geojson");
            builder.Configuration["PostcodesIo:BaseAddress"] = (postcodesIo ?? new Uri("http://127.0.0.1:9/")).ToString();
        });
        await app.StartAsync(Ct);
        return app;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(WebApplication app, string path)
    {
        using var response = await app.GetTestClient().GetAsync(new Uri(path, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_point_in_a_parish_gets_the_parish_and_its_district()
    {
        await using var app = await StartAsync();

        var (status, body) = await GetAsync(app, "/areas?" + InAshcombe);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("E04999991", "parish"), (body.GetProperty("parish").GetProperty("code").GetString(), body.GetProperty("parish").GetProperty("kind").GetString()));
        Assert.Equal("E07999991", body.GetProperty("district").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_point_outside_every_parish_gets_only_its_district_and_outside_everything_a_404()
    {
        await using var app = await StartAsync();

        var (districtStatus, district) = await GetAsync(app, "/areas?" + InDistrictOnly);
        var (outsideStatus, outside) = await GetAsync(app, "/areas?lon=2&lat=51");

        Assert.Equal(HttpStatusCode.OK, districtStatus);
        Assert.Equal(JsonValueKind.Null, district.GetProperty("parish").ValueKind);
        Assert.Equal("Demo District", district.GetProperty("district").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, outsideStatus);
        Assert.Equal("Outside the area", outside.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("lon=NaN&lat=51")]
    [InlineData("lon=-0.8&lat=95")]
    [InlineData("lon=Infinity&lat=51")]
    public async Task An_impossible_coordinate_is_a_400_saying_why(string query)
    {
        await using var app = await StartAsync();

        var (status, body) = await GetAsync(app, "/areas?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("longitude/latitude", body.GetProperty("errors").GetProperty("lon,lat")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postcode_is_placed_by_postcodes_io_then_resolved()
    {
        await using var postcodesIo = await LoopbackServer.StartAsync(200, """{"status":200,"result":{"postcode":"ZZ1 1AA","longitude":-0.8343,"latitude":51.7874}}""", "application/json", Ct);
        await using var app = await StartAsync(postcodesIo.BaseAddress);

        var (status, body) = await GetAsync(app, "/areas/postcode/zz11aa");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ZZ1 1AA", body.GetProperty("postcode").GetString());
        Assert.Equal("Ashcombe (demo)", body.GetProperty("parish").GetProperty("name").GetString());
        Assert.Contains("ZZ1", Uri.UnescapeDataString(Assert.Single(postcodesIo.Requests)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postcode_failures_are_told_apart()
    {
        await using var notFound = await LoopbackServer.StartAsync(404, """{"status":404,"error":"Postcode not found"}""", "application/json", Ct);
        await using var broken = await LoopbackServer.StartAsync(200, "<html><body>Maintenance</body></html>", "text/html", Ct);
        await using var unknownApp = await StartAsync(notFound.BaseAddress);
        await using var brokenApp = await StartAsync(broken.BaseAddress);

        var (notFoundStatus, _) = await GetAsync(unknownApp, "/areas/postcode/ZZ11AA");
        var (invalidStatus, invalid) = await GetAsync(unknownApp, "/areas/postcode/not-a-postcode");
        var (brokenStatus, failure) = await GetAsync(brokenApp, "/areas/postcode/ZZ11AA");

        Assert.Equal(HttpStatusCode.NotFound, notFoundStatus);
        Assert.Equal(HttpStatusCode.BadRequest, invalidStatus);
        Assert.Contains("not a UK postcode", invalid.GetProperty("errors").GetProperty("postcode")[0].GetString(), StringComparison.Ordinal);
        Assert.Single(notFound.Requests);
        Assert.Equal(HttpStatusCode.BadGateway, brokenStatus);
        Assert.Equal("The postcode service failed", failure.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_missing_boundary_file_stops_the_start_naming_the_file()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(parishes: Demo("no-such-file.geojson")));

        Assert.Contains("no-such-file.geojson", error.Message, StringComparison.Ordinal);
    }
}
