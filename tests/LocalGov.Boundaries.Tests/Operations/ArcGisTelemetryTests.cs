using System.Diagnostics;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Boundaries.Tests.Operations;

/// <summary>An ArcGIS layer download is one client span (every page counted on it) with no query in any tag; alone, as the source is process-wide.</summary>
[Collection(nameof(OperationsTests))]
public sealed class ArcGisTelemetryTests : IDisposable
{
    private const string Layer = "arcgis/rest/services/PAR22/FeatureServer/0";
    private const string Where = "PAR22NM='Secret Hamlet'";

    private readonly TelemetryCapture _telemetry = new("LocalGov.Boundaries");

    public void Dispose()
    {
        _telemetry.Dispose();
    }

    [Fact]
    public async Task A_layer_download_is_one_client_span_counting_its_requests_without_the_query()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(
                context.Request.Path.Value!.EndsWith("/query", StringComparison.Ordinal)
                    ? """{"type":"FeatureCollection","features":[{"type":"Feature","id":1,"properties":{"PAR22CD":"E04000001","PAR22NM":"Secret Hamlet"},"geometry":{"type":"Polygon","coordinates":[[[-1,51.7],[-0.99,51.7],[-0.99,51.71],[-1,51.7]]]}}],"exceededTransferLimit":false}"""
                    : """{"maxRecordCount":1000}""",
                context.RequestAborted);
        }, TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var client = new ArcGisFeatureServiceClient(http, new ArcGisFeatureServiceClientOptions { Where = Where });

        var set = await client.LoadLayerAsync(new Uri(server.BaseAddress, Layer), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Single(set.Features);
        var span = Assert.Single(_telemetry.Spans, s => s.DisplayName == "ArcGIS LoadLayer");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(new Uri(server.BaseAddress, Layer).ToString(), span.GetTagItem("url.full"));
        Assert.Equal(2, span.GetTagItem("localgov.boundaries.arcgis.requests"));
        Assert.Equal(1, span.GetTagItem("localgov.boundaries.areas"));
        Assert.Equal("success", span.GetTagItem("localgov.outcome"));
        Assert.Equal(2, _telemetry.Measurements.Count(m => m.Instrument == "localgov.boundaries.arcgis.response.size"));
        Assert.Single(_telemetry.Measurements, m => m.Instrument == "localgov.boundaries.arcgis.loads" && Equals(m.Tags["localgov.outcome"], "success"));
        AssertNoQueryInAnyTag();
    }

    [Fact]
    public async Task A_failing_service_is_an_error_span_with_the_error_type()
    {
        await using var server = await LoopbackServer.StartAsync(500, "{\"error\":\"down\"}", "application/json", TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var client = new ArcGisFeatureServiceClient(http, new ArcGisFeatureServiceClientOptions { Where = Where });

        await Assert.ThrowsAsync<ArcGisServiceException>(() => client.LoadLayerAsync(new Uri(server.BaseAddress, Layer), cancellationToken: TestContext.Current.CancellationToken));

        var span = Assert.Single(_telemetry.Spans, s => s.DisplayName == "ArcGIS LoadLayer");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(nameof(ArcGisServiceException), span.GetTagItem("error.type"));
        Assert.Equal(500, span.GetTagItem("http.response.status_code"));
        Assert.Single(_telemetry.Measurements, m => m.Instrument == "localgov.boundaries.arcgis.loads" && Equals(m.Tags["localgov.outcome"], nameof(ArcGisServiceException)));
        AssertNoQueryInAnyTag();
    }

    private void AssertNoQueryInAnyTag()
    {
        var values = _telemetry.AllTagValues();
        Assert.DoesNotContain(values, v => v.Contains("Secret", StringComparison.OrdinalIgnoreCase) || v.Contains('?', StringComparison.Ordinal) || v.Contains("where", StringComparison.OrdinalIgnoreCase));
    }
}
