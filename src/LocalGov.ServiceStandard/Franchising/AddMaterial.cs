namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Adds a material to a session.</summary>
public sealed record AddMaterial : PackEdit
{
    /// <summary>The material.</summary>
    public required PackMaterial Material { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"add material '{SessionId}/{Material?.Id}'";
}
