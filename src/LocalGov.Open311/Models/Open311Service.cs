namespace LocalGov.Open311;

/// <summary>One entry of <c>GET services</c>: a kind of report the endpoint takes.</summary>
public sealed record Open311Service
{
    /// <summary>The <c>service_code</c> to submit with (kept as text: servers send numbers, letters or both).</summary>
    public required string ServiceCode { get; init; }

    /// <summary>The <c>service_name</c>, for people.</summary>
    public required string ServiceName { get; init; }

    /// <summary>The <c>description</c>, or null.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>metadata</c> flag: true when the service has attributes (<see cref="Open311Client.GetServiceDefinitionAsync"/>).</summary>
    public bool Metadata { get; init; }

    /// <summary>The <c>type</c>: whether an id, a token or nothing comes back from a submission.</summary>
    public Open311ServiceType Type { get; init; }

    /// <summary>The <c>keywords</c>, split at commas and trimmed; empty when none.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The <c>group</c> the service is listed under, or null.</summary>
    public string? Group { get; init; }
}
