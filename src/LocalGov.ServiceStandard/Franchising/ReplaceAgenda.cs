namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Replaces a session's agenda.</summary>
public sealed record ReplaceAgenda : PackEdit
{
    /// <summary>The new agenda.</summary>
    public required IReadOnlyList<AgendaItem> Agenda { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"replace the agenda of '{SessionId}'";
}
