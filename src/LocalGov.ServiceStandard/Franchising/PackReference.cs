namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Names one version of a pack: <c>id@version</c>.</summary>
public sealed record PackReference
{
    /// <summary>The pack id.</summary>
    public required string Id { get; init; }

    /// <summary>The pack version.</summary>
    public required string Version { get; init; }

    /// <summary>The reference as <c>id@version</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{Id}@{Version}";
}
