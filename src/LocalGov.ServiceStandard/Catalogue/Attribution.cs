namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>The licence and attribution a text needs wherever it is reproduced (derived versions carry it on).</summary>
public sealed record Attribution
{
    /// <summary>The statement to print, e.g. "Contains public sector information licensed under the Open Government Licence v3.0."</summary>
    public required string Statement { get; init; }

    /// <summary>The licence's name, e.g. "Open Government Licence v3.0".</summary>
    public required string Licence { get; init; }

    /// <summary>The licence text.</summary>
    public Uri? LicenceUrl { get; init; }

    /// <summary>Where the text came from.</summary>
    public IReadOnlyList<SourceLink> Sources { get; init => field = value ?? []; } = [];
}
