using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>
/// A peer group's material for running sessions against a standard version: a "collaborative franchise" another
/// region can take, revise and publish, with its lineage and licence carried through.
/// </summary>
public sealed record PeerGroupPack
{
    /// <summary>A stable id.</summary>
    public required string Id { get; init; }

    /// <summary>The pack version.</summary>
    public required string Version { get; init; }

    /// <summary>The pack title.</summary>
    public required string Title { get; init; }

    /// <summary>The peer group that publishes it (e.g. "London peer group").</summary>
    public string? PeerGroup { get; init; }

    /// <summary>What it is for.</summary>
    public string? Description { get; init; }

    /// <summary>The standard version the sessions follow.</summary>
    public required StandardReference Standard { get; init; }

    /// <summary>The parent pack and edits, for derived packs.</summary>
    public PackDerivation? DerivedFrom { get; init; }

    /// <summary>The licence and attribution of the material.</summary>
    public Attribution? Attribution { get; init; }

    /// <summary>The sessions, in order.</summary>
    public IReadOnlyList<PackSession> Sessions { get; init => field = value ?? []; } = [];

    /// <summary>This pack as a reference.</summary>
    public PackReference Reference => new() { Id = Id, Version = Version };
}
