using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Caching.Hybrid;

namespace LocalGov.ModernGov;

/// <summary>Source-generated JSON for the cached answers, so a distributed cache stores them without reflection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ModernGovCacheEntry<IReadOnlyList<ModernGovParishCouncil>>))]
[JsonSerializable(typeof(ModernGovCacheEntry<IReadOnlyList<ModernGovCommittee>>))]
[JsonSerializable(typeof(ModernGovCacheEntry<IReadOnlyList<ModernGovWard>>))]
[JsonSerializable(typeof(ModernGovCacheEntry<IReadOnlyList<ModernGovMeetingSummary>>))]
[JsonSerializable(typeof(ModernGovCacheEntry<ModernGovMeeting>))]
internal sealed partial class ModernGovCacheJson : JsonSerializerContext;

/// <summary>A <see cref="IHybridCacheSerializer{T}"/> over one source-generated type.</summary>
internal sealed class ModernGovCacheSerializer<T>(JsonTypeInfo<T> typeInfo) : IHybridCacheSerializer<T>
{
    public T Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize(ref reader, typeInfo) ?? throw new JsonException("A cached Modern.Gov answer was JSON null.");
    }

    public void Serialize(T value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, typeInfo);
    }
}
