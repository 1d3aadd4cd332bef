using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>The answer of <c>GET services/{service_code}</c>: the attributes a service asks for.</summary>
public sealed record Open311ServiceDefinition
{
    /// <summary>The <c>service_code</c>.</summary>
    [JsonPropertyName("service_code")]
    public required string ServiceCode { get; init; }

    /// <summary>The attributes, in the server's <c>order</c> (then as listed).</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyList<Open311AttributeDefinition> Attributes { get; init; } = [];

    /// <summary>The attribute with <paramref name="code"/> (compared exactly, as servers do), or null.</summary>
    /// <param name="code">The attribute code.</param>
    /// <returns>The attribute, or null.</returns>
    public Open311AttributeDefinition? FindAttribute(string code) => Attributes.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.Ordinal));
}
