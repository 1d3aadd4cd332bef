using System.Text.Json.Serialization;
using LocalGov.Boundaries;

namespace LocalGov.Cli.Boundaries;

/// <summary>JSON for <c>localgov boundaries info --json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LoadReport))]
[JsonSerializable(typeof(IndexStatistics))]
internal sealed partial class BoundariesJsonContext : JsonSerializerContext;
