namespace LocalGov.ModernGov;

/// <summary>A parish or town council and its clerk, from <c>GetParishCouncils</c>. The shape is unconfirmed by any recording, so the fields below are matched by name (<c>…clerk…name</c>, <c>…email…</c>, <c>…phone…</c>…) and every element is also kept in <see cref="AdditionalFields"/> unless it filled a property.</summary>
public sealed record ModernGovParishCouncil
{
    /// <summary>The id, when given.</summary>
    public long? Id { get; init; }

    /// <summary>The council name.</summary>
    public string? Name { get; init; }

    /// <summary>The website.</summary>
    public Uri? Website { get; init; }

    /// <summary>The clerk (or contact) name.</summary>
    public string? ClerkName { get; init; }

    /// <summary>The contact e-mail (the clerk's when both are sent).</summary>
    public string? Email { get; init; }

    /// <summary>The contact phone.</summary>
    public string? Phone { get; init; }

    /// <summary>The contact address lines.</summary>
    public IReadOnlyList<string> Address { get; init; } = [];

    /// <summary>The contact postcode.</summary>
    public string? Postcode { get; init; }

    /// <summary>Free-text contact details, when sent as one block.</summary>
    public string? Contact { get; init; }

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
