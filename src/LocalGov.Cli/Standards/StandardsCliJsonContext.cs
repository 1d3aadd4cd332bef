using System.Text.Json.Serialization;

namespace LocalGov.Cli.Standards;

/// <summary>One row of <c>localgov standards list --json</c>.</summary>
internal sealed record StandardListItem(string Id, string Version, string Title, int PointCount, string Status, string Kind);

/// <summary>One point of an imported assessment in <c>localgov assessment import-gds --json</c>.</summary>
internal sealed record ImportedPoint(int Number, string? Outcome);

/// <summary>One imported GDS report in <c>localgov assessment import-gds --json</c>.</summary>
internal sealed record ImportedAssessment(
    string Id,
    string Title,
    string? Department,
    string? Stage,
    string? Result,
    string? Date,
    IReadOnlyList<ImportedPoint> Points,
    string Standard,
    string? ResultSource,
    bool Reassessment,
    string? OriginalResult,
    string? OriginalDate,
    string? Url);

/// <summary>Source-generated JSON for the CLI's own output shapes (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<StandardListItem>))]
[JsonSerializable(typeof(IReadOnlyList<ImportedAssessment>))]
internal sealed partial class StandardsCliJsonContext : JsonSerializerContext;
