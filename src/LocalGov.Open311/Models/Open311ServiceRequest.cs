namespace LocalGov.Open311;

/// <summary>A service request as <c>GET requests</c> and <c>GET requests/{id}</c> report it.</summary>
public sealed record Open311ServiceRequest
{
    /// <summary>The <c>service_request_id</c>.</summary>
    public required string ServiceRequestId { get; init; }

    /// <summary>The <c>status</c>: <c>open</c> or <c>closed</c> by the spec (some servers send others, kept as sent).</summary>
    public string? Status { get; init; }

    /// <summary>True when <see cref="Status"/> is <c>closed</c>.</summary>
    public bool IsClosed => string.Equals(Status, "closed", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>status_notes</c>, or null.</summary>
    public string? StatusNotes { get; init; }

    /// <summary>The <c>service_name</c>.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The <c>service_code</c>.</summary>
    public string? ServiceCode { get; init; }

    /// <summary>The <c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>agency_responsible</c>.</summary>
    public string? AgencyResponsible { get; init; }

    /// <summary>The <c>service_notice</c>.</summary>
    public string? ServiceNotice { get; init; }

    /// <summary>The <c>requested_datetime</c>, or null when absent or not a date.</summary>
    public DateTimeOffset? RequestedDateTime { get; init; }

    /// <summary>The <c>updated_datetime</c>, or null.</summary>
    public DateTimeOffset? UpdatedDateTime { get; init; }

    /// <summary>The <c>expected_datetime</c>, or null.</summary>
    public DateTimeOffset? ExpectedDateTime { get; init; }

    /// <summary>The <c>address</c>.</summary>
    public string? Address { get; init; }

    /// <summary>The <c>address_id</c>.</summary>
    public string? AddressId { get; init; }

    /// <summary>The <c>zipcode</c> (the postcode, in the UK).</summary>
    public string? Zipcode { get; init; }

    /// <summary>The WGS84 <c>lat</c>, or null.</summary>
    public double? Latitude { get; init; }

    /// <summary>The WGS84 <c>long</c>, or null.</summary>
    public double? Longitude { get; init; }

    /// <summary>The <c>media_url</c>, or null when absent or not an absolute URL.</summary>
    public Uri? MediaUrl { get; init; }
}
