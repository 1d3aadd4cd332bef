namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Removes a session and its materials.</summary>
public sealed record RemoveSession : PackEdit
{
    /// <inheritdoc />
    public override string Describe() => $"remove session '{SessionId}'";
}
