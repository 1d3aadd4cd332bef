namespace LocalGov.ModernGov;

/// <summary>A meeting with its agenda and attendees, from <c>GetMeeting</c>.</summary>
public sealed record ModernGovMeeting
{
    /// <summary>The meeting id (<c>meetingid</c>).</summary>
    public long? Id { get; init; }

    /// <summary>The date (<c>meetingdate</c>).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The planned start (<c>meetingtime</c>).</summary>
    public TimeOnly? Time { get; init; }

    /// <summary>The status, free text (<c>meetingstatus</c>).</summary>
    public string? Status { get; init; }

    /// <summary>The committee, when the install sends it (<c>committeeid</c>).</summary>
    public long? CommitteeId { get; init; }

    /// <summary>The committee name, when the install sends it (<c>committeetitle</c>).</summary>
    public string? CommitteeTitle { get; init; }

    /// <summary>Whether the meeting may be shown (<c>isdisplayallowed</c>).</summary>
    public bool? IsDisplayAllowed { get; init; }

    /// <summary>When it actually started (<c>meetingactualstarttime</c>).</summary>
    public TimeOnly? ActualStartTime { get; init; }

    /// <summary>When it is planned to finish (<c>meetingplannedfinishtime</c>).</summary>
    public TimeOnly? PlannedFinishTime { get; init; }

    /// <summary>When it actually finished (<c>meetingactualfinishtime</c>).</summary>
    public TimeOnly? ActualFinishTime { get; init; }

    /// <summary>Where (<c>meetinglocation</c>).</summary>
    public string? Location { get; init; }

    /// <summary>The room (<c>meetingroom</c>).</summary>
    public string? Room { get; init; }

    /// <summary>Whether it is webcast (<c>iswebcast</c>).</summary>
    public bool? IsWebcast { get; init; }

    /// <summary>The agenda id (<c>agendaid</c>).</summary>
    public long? AgendaId { get; init; }

    /// <summary>Whether the agenda is published (<c>agendapublished</c>).</summary>
    public bool? IsAgendaPublished { get; init; }

    /// <summary>Whether decisions are published (<c>decisionpublished</c>).</summary>
    public bool? IsDecisionPublished { get; init; }

    /// <summary>Whether minutes are published (<c>minutepublished</c>).</summary>
    public bool? IsMinutesPublished { get; init; }

    /// <summary>The agenda items in order (<c>agendaitems/agendaitem</c>).</summary>
    public IReadOnlyList<ModernGovAgendaItem> AgendaItems { get; init; } = [];

    /// <summary>Who is expected or attended (<c>attendees/attendee</c>).</summary>
    public IReadOnlyList<ModernGovAttendee> Attendees { get; init; } = [];

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
