namespace LocalGov.ModernGov;

/// <summary>One term of office of a councillor.</summary>
public sealed record ModernGovTermOfOffice
{
    /// <summary>When the term started.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>When it ends or ended; null when the server says <c>unspecified</c>.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
