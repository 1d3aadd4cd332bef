namespace LocalGov.ModernGov;

/// <summary>Someone expected at or attending a meeting (Modern.Gov sends these as attributes of <c>attendee</c>).</summary>
public sealed record ModernGovAttendee
{
    /// <summary>The member id (<c>memberid</c>).</summary>
    public long? MemberId { get; init; }

    /// <summary>The member type code (<c>membertype</c>, such as <c>U</c>).</summary>
    public string? MemberType { get; init; }

    /// <summary>The name (<c>name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The role at the meeting (<c>roledescription</c>).</summary>
    public string? Role { get; init; }

    /// <summary>Attendance, free text (<c>attendance</c>: Expected, Present, Apologies…).</summary>
    public string? Attendance { get; init; }

    /// <summary>The party abbreviation (<c>politicalparty</c>, such as <c>LAB</c>).</summary>
    public string? Party { get; init; }

    /// <summary>The ward (<c>ward</c>).</summary>
    public string? Ward { get; init; }

    /// <summary>Key posts (<c>keyposts</c>).</summary>
    public string? KeyPosts { get; init; }

    /// <summary>What the attendee represents (<c>representing</c>).</summary>
    public string? Representing { get; init; }

    /// <summary>The member page (<c>url</c>).</summary>
    public Uri? Url { get; init; }

    /// <summary>The small photo.</summary>
    public Uri? PhotoSmallUrl { get; init; }

    /// <summary>The large photo.</summary>
    public Uri? PhotoBigUrl { get; init; }

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
