using System.Text.Json.Serialization;

namespace SpeedingReport.Reports;

/// <summary>The stored form of a submission (<see cref="Storage.ReportRecord.SubmissionJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReportSubmission))]
internal sealed partial class ReportSubmissionJson : JsonSerializerContext;
