using System.Text.Json.Serialization;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Franchising;

namespace LocalGov.ServiceStandard.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for the package's documents (camelCase, enums as kebab-case
/// strings, nulls omitted). Use it with <see cref="System.Text.Json.JsonSerializer"/>, or use <see cref="ServiceStandardJson"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(StandardVersion))]
[JsonSerializable(typeof(IReadOnlyList<Crosswalk>))]
[JsonSerializable(typeof(Assessment))]
[JsonSerializable(typeof(IReadOnlyList<Assessment>))]
[JsonSerializable(typeof(PeerGroupPack))]
[JsonSerializable(typeof(IReadOnlyList<StandardEdit>))]
[JsonSerializable(typeof(IReadOnlyList<PackEdit>))]
[JsonSerializable(typeof(StandardDiff))]
[JsonSerializable(typeof(RebaseResult))]
[JsonSerializable(typeof(PackRebaseResult))]
[JsonSerializable(typeof(AssessmentStatus))]
public sealed partial class ServiceStandardJsonContext : JsonSerializerContext;
