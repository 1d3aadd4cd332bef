namespace LocalGov.ModernGov;

/// <summary>An entry of the council calendar, from <c>GetCalendarEvents</c> (shape unconfirmed by a recording: common fields typed, the rest kept in <see cref="AdditionalFields"/>).</summary>
public sealed record ModernGovCalendarEvent
{
    /// <summary>The event or meeting id.</summary>
    public long? Id { get; init; }

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>The date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The start time.</summary>
    public TimeOnly? StartTime { get; init; }

    /// <summary>The end time.</summary>
    public TimeOnly? EndTime { get; init; }

    /// <summary>Where.</summary>
    public string? Location { get; init; }

    /// <summary>The committee, for a meeting.</summary>
    public long? CommitteeId { get; init; }

    /// <summary>The committee name, for a meeting.</summary>
    public string? CommitteeTitle { get; init; }

    /// <summary>A link, when given.</summary>
    public Uri? Url { get; init; }

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
