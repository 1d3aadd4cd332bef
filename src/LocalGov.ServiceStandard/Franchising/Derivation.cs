namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Where a derived standard version comes from: its parent and the edits that turn the parent into it.</summary>
public sealed record Derivation
{
    /// <summary>The parent version.</summary>
    public required StandardReference Parent { get; init; }

    /// <summary>Why or how it was derived.</summary>
    public string? Note { get; init; }

    /// <summary>The recorded edits, in the order they apply to the parent (empty when the derivation was not recorded as edits).</summary>
    public IReadOnlyList<StandardEdit> Edits { get; init => field = value ?? []; } = [];
}
