namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Adds a session (its id is <see cref="PackEdit.SessionId"/>) after another, or first.</summary>
public sealed record AddSession : PackEdit
{
    /// <summary>The session's title.</summary>
    public required string Title { get; init; }

    /// <summary>The points it covers.</summary>
    public IReadOnlyList<string> PointIds { get; init => field = value ?? []; } = [];

    /// <summary>The session it follows, or null to put it first.</summary>
    public string? AfterSessionId { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"add session '{SessionId}'";
}
