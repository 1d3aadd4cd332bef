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

    /// <summary>Made when the journey starts: the idempotency key of the submit, so a double submit stores one report.</summary>
    public Guid SubmissionId { get; set; } = Guid.NewGuid();

    /// <summary>Which road or street (required).</summary>
    public string? Road { get; set; }

    /// <summary>The exact place on it, if the resident said (optional).</summary>
    public string? PlaceDescription { get; set; }

    /// <summary>Option values of the days checkboxes ("monday" … "sunday").</summary>
    public List<string> Days { get; set; } = [];

    /// <summary>Option values of the times checkboxes ("morning", "daytime", "evening", "night").</summary>
    public List<string> Times { get; set; } = [];

    /// <summary>What the resident has seen (the character-counted textarea).</summary>
    public string? WhatSeen { get; set; }

    public string? ReporterName { get; set; }

    public string? ReporterEmail { get; set; }

    public string? ReporterPhone { get; set; }

    /// <summary>Set once the report is stored: the reference shown on the confirmation page.</summary>
    public string? SubmittedReference { get; set; }

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
