namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Removes a material from a session.</summary>
public sealed record RemoveMaterial : PackEdit
{
    /// <summary>The material.</summary>
    public required string MaterialId { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"remove material '{SessionId}/{MaterialId}'";
}
