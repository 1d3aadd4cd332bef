namespace SpeedingReport.Delivery.Open311;

/// <summary>
/// The <c>open311</c> block of a contact directory entry: the body takes reports through an Open311 GeoReport v2
/// endpoint rather than by email. The API key is never in the file: it comes from configuration,
/// <c>SpeedingReport:Open311:&lt;Name&gt;:ApiKey</c> (user secrets, environment or a key vault).
/// </summary>
public sealed record Open311Target
{
    /// <summary>The endpoint's name: the delivery's recipient address, and the configuration key for its settings.</summary>
    public string Name { get; set; } = "";

    /// <summary>The endpoint base, e.g. <c>https://example.gov.uk/open311/v2/</c>; configuration may override it.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The service code reports are filed under (from the endpoint's service list).</summary>
    public string ServiceCode { get; set; } = "";

    /// <summary><c>json</c> (default) or <c>xml</c>.</summary>
    public string? Format { get; set; }

    /// <summary>The <c>jurisdiction_id</c>, for endpoints serving several councils.</summary>
    public string? JurisdictionId { get; set; }

    /// <summary>
    /// Report field → attribute code: which answers go as which <c>attribute[CODE]</c>. Fields: <c>road</c>,
    /// <c>placeDescription</c>, <c>days</c>, <c>times</c> (several values), <c>whatSeen</c>, <c>reference</c>,
    /// <c>parishCode</c>, <c>parishName</c>, <c>districtCode</c>, <c>districtName</c>, <c>dealtWithBy</c>, and
    /// <c>answer:&lt;question id&gt;</c> for a routing answer.
    /// </summary>
    public IReadOnlyDictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>();

    /// <summary>Attribute code → (journey value → the list key the server wants), for list attributes whose keys differ from ours.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> AttributeValues { get; set; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Check the attributes against the service definition before sending (the definition is read once an hour).</summary>
    public bool CheckAttributes { get; set; }

    /// <summary>Refused if set: keys belong in configuration, not in a file kept with the code.</summary>
    public string? ApiKey { get; set; }
}
