using System.Text.Json.Serialization;
using LocalGov.Open311;

namespace LocalGov.Cli.Open311;

// The models carry the spec's own field names (explicit JsonPropertyName), so --json output reads like GeoReport v2.
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<Open311Service>))]
[JsonSerializable(typeof(Open311ServiceDefinition))]
[JsonSerializable(typeof(Open311SubmitResult))]
[JsonSerializable(typeof(Open311TokenResult))]
[JsonSerializable(typeof(Open311ServiceRequest))]
[JsonSerializable(typeof(IReadOnlyList<Open311ServiceRequest>))]
internal sealed partial class Open311CliJsonContext : JsonSerializerContext;
