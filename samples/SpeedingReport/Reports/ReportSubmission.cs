using SpeedingReport.Contacts;
using SpeedingReport.Location;
using SpeedingReport.Routing;

namespace SpeedingReport.Reports;

/// <summary>
/// Everything a resident has answered, at the moment they press "Submit", with who deals with it and how to reach them.
/// The report service stores it, with one pending delivery per recipient, in one transaction.
/// </summary>
public sealed record ReportSubmission
{
    /// <summary>Made when the journey starts and kept in the session: a second submit of the same journey (back button, double click) carries the same id, so it stores nothing new.</summary>
    public required Guid SubmissionId { get; init; }

    public required ResolvedLocation Location { get; init; }

    /// <summary>Routing question id → the option value chosen (only the questions that were asked).</summary>
    public required IReadOnlyDictionary<string, string> RoutingAnswers { get; init; }

    /// <summary>The body the routing rules chose.</summary>
    public required ResponsibleBody DealtWithBy { get; init; }

    /// <summary>The position of the deciding rule in the routing file (0-based), so staff can see which rule decided.</summary>
    public required int RuleIndex { get; init; }

    /// <summary>The deciding rule's explanation, as the resident saw it.</summary>
    public required string RuleExplanation { get; init; }

    /// <summary>Who the report goes to, with the details used (Modern.Gov or the directory).</summary>
    public required ContactDetails Recipient { get; init; }

    public required string Road { get; init; }

    public string? PlaceDescription { get; init; }

    /// <summary>Option values from the "when" page, in page order: "monday" … "sunday".</summary>
    public IReadOnlyList<string> Days { get; init; } = [];

    /// <summary>Option values from the "when" page, in page order: "morning", "daytime", "evening", "night".</summary>
    public IReadOnlyList<string> Times { get; init; } = [];

    public required string WhatSeen { get; init; }

    public required string ReporterName { get; init; }

    public required string ReporterEmail { get; init; }

    public string? ReporterPhone { get; init; }
}
