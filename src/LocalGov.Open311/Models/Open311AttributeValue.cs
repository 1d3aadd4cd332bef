using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>One choice of a list attribute: the <c>key</c> to send and the <c>name</c> to show.</summary>
/// <param name="Key">The value sent as <c>attribute[CODE]</c>.</param>
/// <param name="Name">The human-readable name.</param>
public sealed record Open311AttributeValue([property: JsonPropertyName("key")] string Key, [property: JsonPropertyName("name")] string Name);
