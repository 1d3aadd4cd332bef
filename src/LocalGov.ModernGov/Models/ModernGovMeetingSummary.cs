namespace LocalGov.ModernGov;

/// <summary>A meeting as listed by <c>GetMeetings</c>, <c>GetAllMeetingsByDate</c>, <c>GetWebCastMeetings</c> and <c>GetDeletedWebcastMeetings</c>; <c>GetMeeting</c> gives the details.</summary>
public sealed record ModernGovMeetingSummary
{
    /// <summary>The meeting id (<c>meetingid</c>), the argument of <c>GetMeeting</c>.</summary>
    public long? Id { get; init; }

    /// <summary>The meeting date (<c>meetingdate</c>).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The start time (<c>meetingtime</c>, sent as <c>10.00 am</c>).</summary>
    public TimeOnly? Time { get; init; }

    /// <summary>The status, free text (<c>Confirmed</c>, <c>Cancelled</c>, <c>Confirmed; Rescheduled from …</c>).</summary>
    public string? Status { get; init; }

    /// <summary>The committee (<c>committeeid</c>, of the meeting or the committee it is listed under).</summary>
    public long? CommitteeId { get; init; }

    /// <summary>The committee name.</summary>
    public string? CommitteeTitle { get; init; }

    /// <summary>Whether the meeting is webcast (<c>iswebcast</c>).</summary>
    public bool? IsWebcast { get; init; }

    /// <summary>Where it is held (<c>meetinglocation</c>), when listed.</summary>
    public string? Location { get; init; }

    /// <summary>Whether the agenda is published (<c>agendapublished</c>), when listed.</summary>
    public bool? IsAgendaPublished { get; init; }

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
