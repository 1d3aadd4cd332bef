namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>A source a text was taken from.</summary>
public sealed record SourceLink
{
    /// <summary>What the source is.</summary>
    public required string Title { get; init; }

    /// <summary>Where it is.</summary>
    public Uri? Url { get; init; }
}
