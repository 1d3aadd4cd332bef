namespace LocalGov.ModernGov;

/// <summary>A document: one linked to an agenda item, or the answer of <c>GetAttachment</c>.</summary>
public sealed record ModernGovDocument
{
    /// <summary>The attachment id (<c>attachmentid</c>), the argument of <c>GetAttachment</c>.</summary>
    public long? AttachmentId { get; init; }

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>Where to get it (often <c>mgConvert2PDF.aspx?ID=…</c>; a restricted document leads to a login page).</summary>
    public Uri? Url { get; init; }

    /// <summary>Whether the document is a link rather than a file (<c>isurl</c>).</summary>
    public bool? IsUrl { get; init; }

    /// <summary>Whether the document is restricted (<c>isrestricted</c>).</summary>
    public bool? IsRestricted { get; init; }

    /// <summary>Why it is restricted (<c>restrictionsRef</c>).</summary>
    public string? RestrictionsReference { get; init; }

    /// <summary>Its number within the item (<c>itemnum</c>).</summary>
    public string? ItemNumber { get; init; }

    /// <summary>When it was published.</summary>
    public DateOnly? PublicationDate { get; init; }

    /// <summary>The meeting date.</summary>
    public DateOnly? MeetingDate { get; init; }

    /// <summary>The decision date.</summary>
    public DateOnly? DecisionDate { get; init; }

    /// <summary>The committee.</summary>
    public string? CommitteeTitle { get; init; }

    /// <summary>Whether it is attached to a decision (<c>isdecisionattachment</c>).</summary>
    public bool? IsDecisionAttachment { get; init; }

    /// <summary>What it belongs to (<c>ownertitle</c>).</summary>
    public string? OwnerTitle { get; init; }

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
