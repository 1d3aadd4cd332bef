using System.Text.Json.Serialization;
using LocalGov.ModernGov;

namespace LocalGov.Cli.ModernGov;

/// <summary>The JSON the <c>moderngov</c> commands print: the package's models, camelCase, nulls kept so every field is always present.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<ModernGovWard>))]
[JsonSerializable(typeof(IReadOnlyList<ModernGovCommittee>))]
[JsonSerializable(typeof(IReadOnlyList<ModernGovMeetingSummary>))]
[JsonSerializable(typeof(ModernGovMeeting))]
[JsonSerializable(typeof(ModernGovElectionResult))]
[JsonSerializable(typeof(IReadOnlyList<ModernGovCouncillor>))]
[JsonSerializable(typeof(IReadOnlyList<ModernGovCalendarEvent>))]
[JsonSerializable(typeof(IReadOnlyList<ModernGovMpOrMep>))]
[JsonSerializable(typeof(IReadOnlyList<ModernGovParishCouncil>))]
[JsonSerializable(typeof(ModernGovDocument))]
internal sealed partial class ModernGovJsonContext : JsonSerializerContext;
