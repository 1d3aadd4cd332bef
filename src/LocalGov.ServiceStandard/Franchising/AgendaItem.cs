namespace LocalGov.ServiceStandard.Franchising;

/// <summary>One item of a session's agenda.</summary>
public sealed record AgendaItem
{
    /// <summary>How long it takes, in minutes.</summary>
    public required int Minutes { get; init; }

    /// <summary>What happens.</summary>
    public required string Title { get; init; }

    /// <summary>Facilitator notes.</summary>
    public string? Notes { get; init; }
}
