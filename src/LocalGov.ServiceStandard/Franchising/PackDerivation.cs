namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Where a pack comes from: the parent pack and the recorded edits.</summary>
public sealed record PackDerivation
{
    /// <summary>The parent pack.</summary>
    public required PackReference Parent { get; init; }

    /// <summary>Who took it and why.</summary>
    public string? Note { get; init; }

    /// <summary>The edits applied to the parent, in order.</summary>
    public IReadOnlyList<PackEdit> Edits { get; init => field = value ?? []; } = [];
}
