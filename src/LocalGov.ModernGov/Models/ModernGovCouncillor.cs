namespace LocalGov.ModernGov;

/// <summary>A councillor (or member) as listed by <c>GetCouncillorsByWard</c> and <c>GetMemberGroup</c>.</summary>
public sealed record ModernGovCouncillor
{
    /// <summary>The member id (<c>councillorid</c> or <c>memberid</c>), used by <c>GetCommitteesByUser</c> and <c>mgUserInfo.aspx?UID=</c>.</summary>
    public long? Id { get; init; }

    /// <summary>The name as published (<c>fullusername</c>), usually with a "Councillor" prefix; "Vacancy" for an empty seat on some installs.</summary>
    public string? FullName { get; init; }

    /// <summary>The small photo (<c>photosmallurl</c>); may be a placeholder image, and may be <c>http://</c>.</summary>
    public Uri? PhotoSmallUrl { get; init; }

    /// <summary>The large photo (<c>photobigurl</c>).</summary>
    public Uri? PhotoBigUrl { get; init; }

    /// <summary>The political party (<c>politicalpartytitle</c>); null for none.</summary>
    public string? Party { get; init; }

    /// <summary>The political group on the council (<c>politicalgrouptitle</c>), when the install sends it.</summary>
    public string? PoliticalGroup { get; init; }

    /// <summary>The district (<c>districttitle</c>).</summary>
    public string? DistrictTitle { get; init; }

    /// <summary>What the councillor represents (<c>representing</c>).</summary>
    public string? Representing { get; init; }

    /// <summary>Key posts held (<c>keyposts</c>).</summary>
    public string? KeyPosts { get; init; }

    /// <summary>The work address and contacts (<c>workaddress</c>), null when empty.</summary>
    public ModernGovAddress? WorkAddress { get; init; }

    /// <summary>The home address and contacts (<c>homeaddress</c>), null when empty.</summary>
    public ModernGovAddress? HomeAddress { get; init; }

    /// <summary>Surgery arrangements, one entry per published line (<c>surgerydetails/line1..lineN</c>).</summary>
    public IReadOnlyList<string> SurgeryDetails { get; init; } = [];

    /// <summary>Terms of office (<c>termsofoffice/termofoffice</c>).</summary>
    public IReadOnlyList<ModernGovTermOfOffice> TermsOfOffice { get; init; } = [];

    /// <summary>The first e-mail address published: work, else home; null when the install publishes none.</summary>
    public string? Email => WorkAddress?.Email ?? HomeAddress?.Email;

    /// <summary>Every element (or attribute, as <c>@name</c>) this model has no property for, by name (<c>parent/child</c> when nested; <c>name[2]</c> when repeated), with the text cleaned as for the typed properties. Nothing a council sends is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalFields { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
