using System.Text.Json.Serialization;

namespace LocalGov.Open311;

/// <summary>A service request as <c>GET requests</c> and <c>GET requests/{id}</c> report it.</summary>
public sealed record Open311ServiceRequest
{
    /// <summary>The <c>service_request_id</c>.</summary>
    [JsonPropertyName("service_request_id")]
    public required string ServiceRequestId { get; init; }

    /// <summary>The <c>status</c>: <c>open</c> or <c>closed</c> by the spec (some servers send others, kept as sent).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>True when <see cref="Status"/> is <c>closed</c>.</summary>
    [JsonIgnore]
    public bool IsClosed => string.Equals(Status, "closed", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>status_notes</c>, or null.</summary>
    [JsonPropertyName("status_notes")]
    public string? StatusNotes { get; init; }

    /// <summary>The <c>service_name</c>.</summary>
    [JsonPropertyName("service_name")]
    public string? ServiceName { get; init; }

    /// <summary>The <c>service_code</c>.</summary>
    [JsonPropertyName("service_code")]
    public string? ServiceCode { get; init; }

    /// <summary>The <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The <c>agency_responsible</c>.</summary>
    [JsonPropertyName("agency_responsible")]
    public string? AgencyResponsible { get; init; }

    /// <summary>The <c>service_notice</c>.</summary>
    [JsonPropertyName("service_notice")]
    public string? ServiceNotice { get; init; }

    /// <summary>The <c>requested_datetime</c>, or null when absent or not a date.</summary>
    [JsonPropertyName("requested_datetime")]
    public DateTimeOffset? RequestedDateTime { get; init; }

    /// <summary>The <c>updated_datetime</c>, or null.</summary>
    [JsonPropertyName("updated_datetime")]
    public DateTimeOffset? UpdatedDateTime { get; init; }

    /// <summary>The <c>expected_datetime</c>, or null.</summary>
    [JsonPropertyName("expected_datetime")]
    public DateTimeOffset? ExpectedDateTime { get; init; }

    /// <summary>The <c>address</c>.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>The <c>address_id</c>.</summary>
    [JsonPropertyName("address_id")]
    public string? AddressId { get; init; }

    /// <summary>The <c>zipcode</c> (the postcode, in the UK).</summary>
    [JsonPropertyName("zipcode")]
    public string? Zipcode { get; init; }

    /// <summary>The WGS84 <c>lat</c>, or null.</summary>
    [JsonPropertyName("lat")]
    public double? Latitude { get; init; }

    /// <summary>The WGS84 <c>long</c>, or null.</summary>
    [JsonPropertyName("long")]
    public double? Longitude { get; init; }

    /// <summary>The <c>media_url</c>, or null when absent or not an absolute URL.</summary>
    [JsonPropertyName("media_url")]
    public Uri? MediaUrl { get; init; }
}
