using Refit;

namespace LocalGov.Open311.Internal;

/// <summary>GeoReport v2's six routes; the client reads every response (and error body) itself, in either format.</summary>
internal interface IOpen311Api
{
    [Get("/services.{format}")]
    Task<HttpResponseMessage> Services(string format, [AliasAs("jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken);

    [Get("/services/{serviceCode}.{format}")]
    Task<HttpResponseMessage> ServiceDefinition(string serviceCode, string format, [AliasAs("jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken);

    // The form is built by the client: attribute[CODE] keys repeat for multi-value lists, which Refit's form serialiser cannot express.
    [Post("/requests.{format}")]
    Task<HttpResponseMessage> SubmitRequest(string format, [Body] HttpContent form, CancellationToken cancellationToken);

    [Get("/tokens/{token}.{format}")]
    Task<HttpResponseMessage> Token(string token, string format, [AliasAs("jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken);

    [Get("/requests.{format}")]
    Task<HttpResponseMessage> Requests(
        string format,
        [AliasAs("jurisdiction_id")] string? jurisdictionId,
        [AliasAs("service_request_id")] string? serviceRequestIds,
        [AliasAs("service_code")] string? serviceCodes,
        [AliasAs("start_date")] string? startDate,
        [AliasAs("end_date")] string? endDate,
        [AliasAs("status")] string? status,
        CancellationToken cancellationToken);

    [Get("/requests/{serviceRequestId}.{format}")]
    Task<HttpResponseMessage> Request(string serviceRequestId, string format, [AliasAs("jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken);
}
