namespace LocalGov.ModernGov;

/// <summary>A ward (or constituency, or other body the install lists councillors under) and its councillors, from <c>GetCouncillorsByWard</c>, <c>GetCouncillorsByWardId</c> or <c>GetCouncillorsByPostcode</c>.</summary>
public sealed record ModernGovWard
{
    /// <summary>The ward name (<c>wardtitle</c>); null when the install listed councillors outside any ward.</summary>
    public string? Title { get; init; }

    /// <summary>The count the server stated (<c>councillorcount</c>), padding trimmed; may differ from <see cref="Councillors"/> on a broken install.</summary>
    public int? CouncillorCount { get; init; }

    /// <summary>The councillors, in the order the server sent them.</summary>
    public IReadOnlyList<ModernGovCouncillor> Councillors { get; init; } = [];

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
