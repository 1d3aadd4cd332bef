using System.Text.Json;
using System.Text.Json.Serialization;
using SpeedingReport.Location;

namespace SpeedingReport.Journey;

/// <summary>The resident's answers so far, kept in their session between pages.</summary>
public sealed class ReportState
{
    public ResolvedLocation? Location { get; set; }

    /// <summary>"postcode" or "coordinates": which page the location came from, for the Change link.</summary>
    public string? LocationMethod { get; set; }

    public Dictionary<string, string> Answers { get; set; } = new(StringComparer.Ordinal);

    public bool Submitted { get; set; }
}

[JsonSerializable(typeof(ReportState))]
internal sealed partial class ReportStateJsonContext : JsonSerializerContext;

public static class ReportSession
{
    private const string Key = "speeding-report";

    public static ReportState Load(ISession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var bytes = session.Get(Key);
        return bytes is null ? new ReportState() : JsonSerializer.Deserialize(bytes, ReportStateJsonContext.Default.ReportState) ?? new ReportState();
    }

    public static void Save(ISession session, ReportState state)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Set(Key, JsonSerializer.SerializeToUtf8Bytes(state, ReportStateJsonContext.Default.ReportState));
    }

    public static void Clear(ISession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Remove(Key);
    }
}
