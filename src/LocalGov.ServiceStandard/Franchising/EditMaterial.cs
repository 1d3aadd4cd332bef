namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Replaces a material's Markdown (and optionally its title).</summary>
public sealed record EditMaterial : PackEdit
{
    /// <summary>The material.</summary>
    public required string MaterialId { get; init; }

    /// <summary>The new Markdown.</summary>
    public required string Markdown { get; init; }

    /// <summary>The new title, or null to keep it.</summary>
    public string? Title { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"edit material '{SessionId}/{MaterialId}'";
}
