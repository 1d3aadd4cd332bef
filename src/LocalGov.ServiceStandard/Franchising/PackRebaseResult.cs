namespace LocalGov.ServiceStandard.Franchising;

// A type of its own rather than RebaseResult: that one's Rebased is a StandardVersion and its conflicts name a
// point, and widening either (a generic result, optional point/session/material ids) would change the shape of
// the standards rebase's public API and JSON for callers who never touch packs.

/// <summary>The outcome of a pack rebase: the rebased pack when clean, else the conflicts (and no pack).</summary>
public sealed record PackRebaseResult
{
    /// <summary>The rebased pack, or null when there were conflicts.</summary>
    public PeerGroupPack? Rebased { get; init; }

    /// <summary>The conflicts; empty when the rebase was clean.</summary>
    public required IReadOnlyList<PackRebaseConflict> Conflicts { get; init; }

    /// <summary>Whether the rebase applied every edit without conflict.</summary>
    public bool IsClean => Conflicts.Count == 0 && Rebased is not null;
}
