using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LocalGov.Boundaries;

/// <summary>
/// The package's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>. Only the outer
/// entry points are measured (index build and load, one batch of lookups): a single lookup is a few hundred nanoseconds
/// and is never instrumented.
/// </summary>
internal static class BoundariesTelemetry
{
    public const string Name = "LocalGov.Boundaries";

    private static readonly string Version = typeof(BoundariesTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    public static readonly Histogram<double> IndexBuildDuration = Meter.CreateHistogram<double>("localgov.boundaries.index.build.duration", "s", "Time to build a parish resolver's index from boundaries.");

    public static readonly Histogram<double> IndexLoadDuration = Meter.CreateHistogram<double>("localgov.boundaries.index.load.duration", "s", "Time to load a saved index.");

    public static readonly Histogram<long> BatchSize = Meter.CreateHistogram<long>("localgov.boundaries.resolve.batch.size", "{point}", "Points per ResolveMany call (ResolveManyInParallel counts each of its batches).");

    public static readonly Counter<long> Points = Meter.CreateCounter<long>("localgov.boundaries.resolve.points", "{point}", "Points resolved in batches.");

    public static readonly Counter<long> ArcGisLoads = Meter.CreateCounter<long>("localgov.boundaries.arcgis.loads", "{load}", "ArcGIS feature service layer downloads, by outcome.");

    public static readonly Histogram<double> ArcGisLoadDuration = Meter.CreateHistogram<double>("localgov.boundaries.arcgis.load.duration", "s", "Time to download and build one ArcGIS layer, every page included.");

    public static readonly Histogram<long> ArcGisResponseSize = Meter.CreateHistogram<long>("localgov.boundaries.arcgis.response.size", "By", "ArcGIS response body sizes (one per page).");

    private const string RequestsTag = "localgov.boundaries.arcgis.requests";

    /// <summary>A span for one layer download. The URL is tagged without its query (a token would travel there).</summary>
    public static Activity? StartArcGisLoad(Uri layerUrl)
    {
        var activity = Source.StartActivity("ArcGIS LoadLayer", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true } && layerUrl.IsAbsoluteUri)
        {
            activity.SetTag("url.full", layerUrl.GetLeftPart(UriPartial.Path));
            activity.SetTag("server.address", layerUrl.Host);
        }

        return activity;
    }

    /// <summary>One page read: its size, and the count of requests on the layer's span.</summary>
    public static void RecordArcGisResponse(int status, long bytes)
    {
        ArcGisResponseSize.Record(bytes);
        if (Activity.Current is { } activity && activity.Source == Source)
        {
            activity.SetTag(RequestsTag, (activity.GetTagItem(RequestsTag) as int? ?? 0) + 1);
            activity.SetTag("http.response.status_code", status);
        }
    }

    /// <summary>Ends a layer download's span and records it.</summary>
    public static void EndArcGisLoad(Activity? activity, long started, string outcome, int? areas)
    {
        var tags = new TagList { { "localgov.outcome", outcome } };
        ArcGisLoads.Add(1, tags);
        ArcGisLoadDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        if (activity is not null)
        {
            activity.SetTag("localgov.outcome", outcome);
            if (areas is { } count)
            {
                activity.SetTag("localgov.boundaries.areas", count);
                activity.SetStatus(ActivityStatusCode.Ok);
            }
            else
            {
                activity.SetTag("error.type", outcome);
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }

    /// <summary>Times an index build or load: a span and a histogram entry when disposed.</summary>
    public static IndexScope StartIndex(string operation) => new(operation, Source.StartActivity("ParishResolver " + operation), Stopwatch.GetTimestamp());

    /// <summary>Counts one batch (its size only: nothing per point).</summary>
    public static void RecordBatch(int points)
    {
        if (BatchSize.Enabled)
        {
            BatchSize.Record(points);
        }

        if (Points.Enabled)
        {
            Points.Add(points);
        }
    }

    /// <summary>The scope of one build or load.</summary>
    internal readonly struct IndexScope(string operation, Activity? activity, long started) : IDisposable
    {
        public void SetAreas(int areas) => activity?.SetTag("localgov.boundaries.areas", areas);

        public void Dispose()
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            (operation == "Build" ? IndexBuildDuration : IndexLoadDuration).Record(seconds);
            activity?.Dispose();
        }
    }
}
