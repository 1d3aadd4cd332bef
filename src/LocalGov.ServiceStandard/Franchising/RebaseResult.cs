using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>The outcome of a rebase: the rebased version when clean, else the conflicts (and no version).</summary>
public sealed record RebaseResult
{
    /// <summary>The rebased version, or null when there were conflicts.</summary>
    public StandardVersion? Rebased { get; init; }

    /// <summary>The conflicts; empty when the rebase was clean.</summary>
    public required IReadOnlyList<RebaseConflict> Conflicts { get; init; }

    /// <summary>Whether the rebase applied every edit without conflict.</summary>
    public bool IsClean => Conflicts.Count == 0 && Rebased is not null;
}
