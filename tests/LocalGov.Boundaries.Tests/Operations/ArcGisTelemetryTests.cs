using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Boundaries.Tests.Operations;

/// <summary>An ArcGIS layer download is one client span (every page counted on it) with no query in any tag; alone, as the source is process-wide.</summary>
[Collection(nameof(OperationsTests))]
public sealed class ArcGisTelemetryTests : IDisposable
{
    private const string Layer = "arcgis/rest/services/PAR22/FeatureServer/0";
    private const string Where = "PAR22NM='Secret Hamlet'";

    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    public ArcGisTelemetryTests()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "LocalGov.Boundaries",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == "LocalGov.Boundaries")
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _meters.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _meters.Start();
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
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
        var span = Assert.Single(_spans, s => s.DisplayName == "ArcGIS LoadLayer");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(new Uri(server.BaseAddress, Layer).ToString(), span.GetTagItem("url.full"));
        Assert.Equal(2, span.GetTagItem("localgov.boundaries.arcgis.requests"));
        Assert.Equal(1, span.GetTagItem("localgov.boundaries.areas"));
        Assert.Equal("success", span.GetTagItem("localgov.outcome"));
        Assert.Equal(2, _measurements.Count(m => m.Name == "localgov.boundaries.arcgis.response.size"));
        Assert.Single(_measurements, m => m.Name == "localgov.boundaries.arcgis.loads" && Equals(m.Tags["localgov.outcome"], "success"));
        AssertNoQueryInAnyTag();
    }

    [Fact]
    public async Task A_failing_service_is_an_error_span_with_the_error_type()
    {
        await using var server = await LoopbackServer.StartAsync(500, "{\"error\":\"down\"}", "application/json", TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var client = new ArcGisFeatureServiceClient(http, new ArcGisFeatureServiceClientOptions { Where = Where });

        await Assert.ThrowsAsync<ArcGisServiceException>(() => client.LoadLayerAsync(new Uri(server.BaseAddress, Layer), cancellationToken: TestContext.Current.CancellationToken));

        var span = Assert.Single(_spans, s => s.DisplayName == "ArcGIS LoadLayer");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(nameof(ArcGisServiceException), span.GetTagItem("error.type"));
        Assert.Equal(500, span.GetTagItem("http.response.status_code"));
        Assert.Single(_measurements, m => m.Name == "localgov.boundaries.arcgis.loads" && Equals(m.Tags["localgov.outcome"], nameof(ArcGisServiceException)));
        AssertNoQueryInAnyTag();
    }

    private void AssertNoQueryInAnyTag()
    {
        var values = _spans.SelectMany(s => s.TagObjects.Select(t => t.Value?.ToString() ?? string.Empty))
            .Concat(_measurements.SelectMany(m => m.Tags.Values.Select(v => v?.ToString() ?? string.Empty)));
        Assert.DoesNotContain(values, v => v.Contains("Secret", StringComparison.OrdinalIgnoreCase) || v.Contains('?', StringComparison.Ordinal) || v.Contains("where", StringComparison.OrdinalIgnoreCase));
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, dictionary));
    }
}
