namespace LocalGov.ModernGov;

/// <summary>An item on a meeting agenda.</summary>
public sealed record ModernGovAgendaItem
{
    /// <summary>The item id (<c>agendaitemid</c>).</summary>
    public long? Id { get; init; }

    /// <summary>The item title (<c>agendaitemtitle</c>).</summary>
    public string? Title { get; init; }

    /// <summary>The agenda text, HTML as published (<c>agendatext</c>).</summary>
    public ModernGovHtml? Text { get; init; }

    /// <summary>The minutes of the item, HTML (<c>minutesnonemptyhtmlbody</c>).</summary>
    public ModernGovHtml? Minutes { get; init; }

    /// <summary>The item number (<c>agendaitemnumber</c>); <c>0</c> for section headings on some installs.</summary>
    public string? Number { get; init; }

    /// <summary>The sub-number (<c>agendaitemsubnumber</c>).</summary>
    public string? SubNumber { get; init; }

    /// <summary>The number as displayed (<c>fulldisplaynumberformat</c>, such as <c>1.</c>).</summary>
    public string? DisplayNumber { get; init; }

    /// <summary>The number in the minutes (<c>minutesitemnumber</c>).</summary>
    public string? MinutesItemNumber { get; init; }

    /// <summary>The sub-number in the minutes (<c>minutesitemsubnumber</c>).</summary>
    public string? MinutesItemSubNumber { get; init; }

    /// <summary>The date the item was taken (<c>actualmeetingdate</c>).</summary>
    public DateOnly? ActualMeetingDate { get; init; }

    /// <summary>The meeting date (<c>meetingdate</c>).</summary>
    public DateOnly? MeetingDate { get; init; }

    /// <summary>The meeting time (<c>meetingtime</c>).</summary>
    public TimeOnly? MeetingTime { get; init; }

    /// <summary>The preferred date (<c>preferreddate</c>).</summary>
    public DateOnly? PreferredDate { get; init; }

    /// <summary>The author (<c>authorusername</c>).</summary>
    public string? AuthorUserName { get; init; }

    /// <summary>The first comment label (<c>commentlabel1</c>, such as "Presented By").</summary>
    public string? CommentLabel1 { get; init; }

    /// <summary>The first comment (<c>commenttext1</c>).</summary>
    public string? CommentText1 { get; init; }

    /// <summary>The second comment label (<c>commentlabel2</c>).</summary>
    public string? CommentLabel2 { get; init; }

    /// <summary>The second comment (<c>commenttext2</c>).</summary>
    public string? CommentText2 { get; init; }

    /// <summary>How many declarations of interest (<c>declarationcount</c>).</summary>
    public int? DeclarationCount { get; init; }

    /// <summary>Whether the item was called in (<c>iscallin</c>).</summary>
    public bool? IsCallIn { get; init; }

    /// <summary>Whether the item is a comment (<c>iscomment</c>).</summary>
    public bool? IsComment { get; init; }

    /// <summary>Whether the item is a decision (<c>isdecision</c>).</summary>
    public bool? IsDecision { get; init; }

    /// <summary>Whether the decision is published (<c>isdecisionpublished</c>).</summary>
    public bool? IsDecisionPublished { get; init; }

    /// <summary>Whether the minutes are published (<c>isminutepublished</c>).</summary>
    public bool? IsMinutesPublished { get; init; }

    /// <summary>Whether the public may speak (<c>ispubliccanspeak</c>).</summary>
    public bool? IsPublicCanSpeak { get; init; }

    /// <summary>Whether the item is restricted (<c>isrestricted</c>).</summary>
    public bool? IsRestricted { get; init; }

    /// <summary>Whether the item may be shown (<c>isdisplayallowed</c>).</summary>
    public bool? IsDisplayAllowed { get; init; }

    /// <summary>The committee referred to (<c>refertocommittee</c>).</summary>
    public string? ReferToCommittee { get; init; }

    /// <summary>Documents attached to the item (<c>linkeddocuments/linkeddoc</c>).</summary>
    public IReadOnlyList<ModernGovDocument> LinkedDocuments { get; init; } = [];

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
