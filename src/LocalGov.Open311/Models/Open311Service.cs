using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>One entry of <c>GET services</c>: a kind of report the endpoint takes.</summary>
public sealed record Open311Service
{
    /// <summary>The <c>service_code</c> to submit with (kept as text: servers send numbers, letters or both).</summary>
    [JsonPropertyName("service_code")]
    public required string ServiceCode { get; init; }

    /// <summary>The <c>service_name</c>, for people.</summary>
    [JsonPropertyName("service_name")]
    public required string ServiceName { get; init; }

    /// <summary>The <c>description</c>, or null.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The <c>metadata</c> flag: true when the service has attributes (<see cref="Open311Client.GetServiceDefinitionAsync"/>).</summary>
    [JsonPropertyName("metadata")]
    public bool Metadata { get; init; }

    /// <summary>The <c>type</c>: whether an id, a token or nothing comes back from a submission.</summary>
    [JsonPropertyName("type")]
    public Open311ServiceType Type { get; init; }

    /// <summary>The <c>keywords</c>, split at commas and trimmed; empty when none.</summary>
    [JsonPropertyName("keywords")]
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The <c>group</c> the service is listed under, or null.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; init; }
}
