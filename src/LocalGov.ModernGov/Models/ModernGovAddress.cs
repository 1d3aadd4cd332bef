namespace LocalGov.ModernGov;

/// <summary>A postal address with phone and e-mail, as published for a councillor.</summary>
public sealed record ModernGovAddress
{
    /// <summary>The address lines in order (<c>line1..lineN</c>), empty lines left out.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>The postcode as published.</summary>
    public string? Postcode { get; init; }

    /// <summary>The phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>The mobile number.</summary>
    public string? Mobile { get; init; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
