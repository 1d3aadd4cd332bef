namespace LocalGov.ModernGov;

/// <summary>An MP or MEP with the wards of their constituency, from <c>GetMpOrMepsAndWards</c> and <c>GetMpOrMepAndWardsByPostcode</c> (shape unconfirmed by a recording: common fields typed, the rest kept in <see cref="AdditionalFields"/>).</summary>
public sealed record ModernGovMpOrMep
{
    /// <summary>The member id, when given.</summary>
    public long? Id { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The party.</summary>
    public string? Party { get; init; }

    /// <summary>The constituency or region.</summary>
    public string? Constituency { get; init; }

    /// <summary>A photo, when given.</summary>
    public Uri? PhotoUrl { get; init; }

    /// <summary>An e-mail address, when given.</summary>
    public string? Email { get; init; }

    /// <summary>The wards listed with the member.</summary>
    public IReadOnlyList<string> Wards { get; init; } = [];

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
