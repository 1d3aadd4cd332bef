using System.Globalization;
using System.Net;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LocalGov.Boundaries.Tests.ArcGis;

public sealed class ArcGisFeatureServiceClientTests
{
    private const string Layer = "arcgis/rest/services/PAR22/FeatureServer/0";

    private static string Feature(int i)
    {
        var x0 = (-1 + (i * 0.01)).ToString(CultureInfo.InvariantCulture);
        var x1 = (-1 + (i * 0.01) + 0.01).ToString(CultureInfo.InvariantCulture);
        return "{\"type\":\"Feature\",\"id\":" + i + ",\"properties\":{\"PAR22CD\":\"E04" + i.ToString("000000", CultureInfo.InvariantCulture) +
            "\",\"PAR22NM\":\"Parish " + i + "\",\"LAD22CD\":\"E07000004\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" +
            x0 + ",51.7],[" + x1 + ",51.7],[" + x1 + ",51.71],[" + x0 + ",51.7]]]}}";
    }

    /// <summary>A layer of <paramref name="total"/> features with a server limit of <paramref name="max"/>, flagging exceededTransferLimit like ArcGIS.</summary>
    private static RequestDelegate Service(int total, int max, bool flagInProperties = false) => async context =>
    {
        context.Response.ContentType = "application/json";
        if (!context.Request.Path.Value!.EndsWith("/query", StringComparison.Ordinal))
        {
            await context.Response.WriteAsync($$"""{"name":"PAR22","type":"Feature Layer","maxRecordCount":{{max}}}""");
            return;
        }

        var offset = int.Parse(context.Request.Query["resultOffset"]!, CultureInfo.InvariantCulture);
        var count = Math.Min(int.Parse(context.Request.Query["resultRecordCount"]!, CultureInfo.InvariantCulture), max);
        var features = Enumerable.Range(offset, Math.Max(0, Math.Min(count, total - offset))).Select(Feature);
        var exceeded = offset + count < total ? "true" : "false";
        var flag = flagInProperties ? $$""","properties":{"exceededTransferLimit":{{exceeded}}}""" : $$""","exceededTransferLimit":{{exceeded}}""";
        await context.Response.WriteAsync($$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]{{flag}}}""");
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pages_through_a_layer_with_the_servers_record_limit(bool flagInProperties)
    {
        await using var server = await LoopbackServer.StartAsync(Service(total: 5, max: 2, flagInProperties), TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var client = new ArcGisFeatureServiceClient(http);

        var set = await client.LoadLayerAsync(new Uri(server.BaseAddress, Layer), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, set.Features.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"E04{i:000000}"), set.Features.Select(f => f.Code));
        Assert.Equal(("Parish 3", "E07000004"), (set.Features[3].Name, set.Features[3].ParentCode));
        Assert.Equal(BoundaryCrs.Wgs84, set.Crs);
        Assert.Equal(4, server.Requests.Count);
        Assert.Contains("f=json", server.Requests[0], StringComparison.Ordinal);
        Assert.Equal(["0", "2", "4"], server.Requests.Skip(1).Select(r => r.Split("resultOffset=")[1].Split('&')[0]));
        Assert.All(server.Requests.Skip(1), r => Assert.Contains("f=geojson", r, StringComparison.Ordinal));
        Assert.Empty(set.Report.Skips);
    }

    [Fact]
    public async Task A_configured_page_size_skips_the_layer_info_and_stops_on_a_short_page()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var offset = context.Request.Query["resultOffset"].ToString();
            var body = offset == "0" ? string.Join(",", Enumerable.Range(0, 3).Select(Feature)) : Feature(3);
            context.Response.ContentType = "application/geo+json";
            await context.Response.WriteAsync($$"""{"type":"FeatureCollection","features":[{{body}}]}""");
        }, TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var client = new ArcGisFeatureServiceClient(http, new ArcGisFeatureServiceClientOptions { PageSize = 3, Where = "PAR22CD LIKE 'E04%'" });

        var set = await client.LoadLayerAsync(new Uri(server.BaseAddress, Layer), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, set.Features.Count);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("where=PAR22CD%20LIKE%20%27E04%25%27", server.Requests[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_object_with_status_200_is_a_service_error()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"error":{"code":400,"message":"Invalid or missing input parameters.","details":[]}}""", "application/json", TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ArcGisServiceException>(() => new ArcGisFeatureServiceClient(http).LoadLayerAsync(new Uri(server.BaseAddress, Layer), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Invalid or missing input parameters", ex.Message, StringComparison.Ordinal);
        Assert.Contains("error", ex.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_error_status_is_a_service_error_with_the_status()
    {
        await using var server = await LoopbackServer.StartAsync(503, "<html>Service Unavailable</html>", "text/html", TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ArcGisServiceException>(() => new ArcGisFeatureServiceClient(http, new ArcGisFeatureServiceClientOptions { PageSize = 10 }).LoadLayerAsync(new Uri(server.BaseAddress, Layer), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Contains("Service Unavailable", ex.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_service_error()
    {
        await using var server = await LoopbackServer.StartAsync(200, "<html>login</html>", "text/html", TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        await Assert.ThrowsAsync<ArcGisServiceException>(() => new ArcGisFeatureServiceClient(http).LoadLayerAsync(new Uri(server.BaseAddress, Layer), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_error()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ArcGisTransportException>(() => new ArcGisFeatureServiceClient(http).LoadLayerAsync(new Uri(server.BaseAddress, Layer), cancellationToken: TestContext.Current.CancellationToken));

        Assert.NotNull(ex.InnerException);
        Assert.NotNull(ex.Url);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => new ArcGisFeatureServiceClient(http, new ArcGisFeatureServiceClientOptions { PageSize = 0 }));
    }

    [Fact]
    public async Task Registers_with_dependency_injection_and_validates_options()
    {
        await using var server = await LoopbackServer.StartAsync(Service(total: 3, max: 2), TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddLocalGovBoundaries(o => o.MaxPages = 5);
        await using var provider = services.BuildServiceProvider();

        var set = await provider.GetRequiredService<ArcGisFeatureServiceClient>().LoadLayerAsync(new Uri(server.BaseAddress, Layer), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(3, set.Features.Count);

        var bad = new ServiceCollection();
        bad.AddLocalGovBoundaries(o => o.MaxPages = 0);
        await using var badProvider = bad.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => badProvider.GetRequiredService<IOptions<ArcGisFeatureServiceClientOptions>>().Value);
    }
}
