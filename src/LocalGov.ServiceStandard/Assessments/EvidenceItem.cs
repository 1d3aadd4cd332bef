namespace LocalGov.ServiceStandard.Assessments;

/// <summary>One piece of evidence for a point (or the whole assessment).</summary>
public sealed record EvidenceItem
{
    /// <summary>What the item is.</summary>
    public required EvidenceKind Kind { get; init; }

    /// <summary>A short title.</summary>
    public required string Title { get; init; }

    /// <summary>Where it is (for links, and documents that have an address).</summary>
    public Uri? Url { get; init; }

    /// <summary>The note's text, or a description.</summary>
    public string? Text { get; init; }

    /// <summary>For documents: the document reference (name, version or register number).</summary>
    public string? DocumentReference { get; init; }

    /// <summary>When the evidence was produced or last updated.</summary>
    public DateOnly? Date { get; init; }
}
