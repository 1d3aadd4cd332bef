using System.Text.Json;
using SpeedingReport.Reports;

namespace SpeedingReport.Retention;

/// <summary>
/// What retention erases from a stored submission: the resident's name, email and phone, and the free text they
/// wrote (what they saw, the description of the place). What statistics need stays: the location (point, parish,
/// district), the road, the days and times, every routing answer, and who dealt with it and why.
/// </summary>
public static class ReportAnonymiser
{
    public static ReportSubmission Anonymise(ReportSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return submission with { ReporterName = "", ReporterEmail = "", ReporterPhone = null, WhatSeen = "", PlaceDescription = null };
    }

    /// <summary>The stored JSON without the personal data; null when it cannot be read.</summary>
    public static string? AnonymiseJson(string submissionJson)
    {
        try
        {
            var submission = JsonSerializer.Deserialize(submissionJson, ReportSubmissionJson.Default.ReportSubmission);
            return submission is null ? null : JsonSerializer.Serialize(Anonymise(submission), ReportSubmissionJson.Default.ReportSubmission);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
