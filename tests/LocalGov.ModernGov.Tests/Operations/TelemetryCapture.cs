using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LocalGov.ModernGov.Tests.Operations;

/// <summary>Records the package's spans and measurements for one council (the source and meter are process-wide, tests run in parallel).</summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly string _council;

    public TelemetryCapture(string council)
    {
        _council = council;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "LocalGov.ModernGov",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("localgov.council") as string == _council)
                {
                    Spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "LocalGov.ModernGov")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public ConcurrentQueue<Activity> Spans { get; } = new();

    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    public IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        if (dictionary.TryGetValue("localgov.council", out var council) && council as string == _council)
        {
            Measurements.Enqueue((instrument.Name, value, dictionary));
        }
    }
}
