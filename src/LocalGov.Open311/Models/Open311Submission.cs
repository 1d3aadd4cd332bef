namespace LocalGov.Open311;

/// <summary>
/// A new service request for <c>POST requests</c>. Only what is set is sent (servers differ in which optional fields they
/// accept). A location is required: <see cref="Latitude"/> with <see cref="Longitude"/>, or <see cref="AddressString"/>,
/// or <see cref="AddressId"/>.
/// </summary>
public sealed record Open311Submission
{
    /// <summary>The <c>service_code</c> (from <see cref="Open311Client.GetServicesAsync"/>).</summary>
    public required string ServiceCode { get; init; }

    /// <summary>The WGS84 <c>lat</c>; sent only with <see cref="Longitude"/>.</summary>
    public double? Latitude { get; init; }

    /// <summary>The WGS84 <c>long</c>; sent only with <see cref="Latitude"/>.</summary>
    public double? Longitude { get; init; }

    /// <summary>The <c>address_string</c>: the place in words, most specific first.</summary>
    public string? AddressString { get; init; }

    /// <summary>The <c>address_id</c> in the jurisdiction's address system (a UPRN in the UK).</summary>
    public string? AddressId { get; init; }

    /// <summary>The reporter's <c>email</c>.</summary>
    public string? Email { get; init; }

    /// <summary>The <c>device_id</c> of a mobile device.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The reporter's <c>account_id</c>.</summary>
    public string? AccountId { get; init; }

    /// <summary>The reporter's <c>first_name</c>.</summary>
    public string? FirstName { get; init; }

    /// <summary>The reporter's <c>last_name</c>.</summary>
    public string? LastName { get; init; }

    /// <summary>The reporter's <c>phone</c>.</summary>
    public string? Phone { get; init; }

    /// <summary>The <c>description</c>: free text, at most 4,000 characters by the spec.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>media_url</c> of a photo or other media.</summary>
    public Uri? MediaUrl { get; init; }

    /// <summary>Attribute code → value(s), sent as <c>attribute[CODE]=value</c>; several values for a <c>multivaluelist</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
