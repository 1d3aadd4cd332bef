using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LocalGov.Testing;

/// <summary>
/// Records one package's spans and measurements (its ActivitySource and Meter share the name). Sources and meters are
/// process-wide and tests run in parallel, so a test either runs alone or passes a filter that keeps only its own.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly Func<Activity, bool> _keepSpan;
    private readonly Func<IReadOnlyDictionary<string, object?>, bool> _keepMeasurement;

    /// <param name="name">The ActivitySource and Meter name, e.g. <c>LocalGov.Postcodes</c>.</param>
    /// <param name="keepSpan">Keeps only the spans this returns true for (all when null).</param>
    /// <param name="keepMeasurement">Keeps only the measurements whose tags this returns true for (all when null).</param>
    public TelemetryCapture(string name, Func<Activity, bool>? keepSpan = null, Func<IReadOnlyDictionary<string, object?>, bool>? keepMeasurement = null)
    {
        _keepSpan = keepSpan ?? (_ => true);
        _keepMeasurement = keepMeasurement ?? (_ => true);
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (_keepSpan(activity))
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
                if (instrument.Meter.Name == name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>Stopped spans, in the order they stopped.</summary>
    public ConcurrentQueue<Activity> Spans { get; } = new();

    /// <summary>Every measurement: instrument name, value, tags.</summary>
    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    /// <summary>The measurements of one instrument.</summary>
    public IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    /// <summary>The sum of one instrument's measurements (a counter's total).</summary>
    public double Sum(string instrument) => Of(instrument).Sum(m => m.Value);

    /// <summary>Every tag value of every span, span event and measurement, as text: for "nothing secret leaks" checks.</summary>
    public IEnumerable<string> AllTagValues() =>
        Spans.SelectMany(s => s.TagObjects.Select(t => t.Value?.ToString() ?? string.Empty)
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString() ?? string.Empty))))
            .Concat(Measurements.SelectMany(m => m.Tags.Values.Select(v => v?.ToString() ?? string.Empty)));

    /// <inheritdoc />
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

        if (_keepMeasurement(dictionary))
        {
            Measurements.Enqueue((instrument.Name, value, dictionary));
        }
    }
}
