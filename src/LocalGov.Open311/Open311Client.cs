using System.Globalization;
using System.Text.Json;
using LocalGov.Open311.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace LocalGov.Open311;

/// <summary>
/// A client for an Open311 GeoReport v2 endpoint: the service list and definitions, submitting service requests,
/// following up tokens, and reading requests back. JSON or XML, as <see cref="Open311ClientOptions.Format"/> says.
/// </summary>
/// <remarks>
/// Thread-safe. Errors: <see cref="Open311InvalidRequestException"/> (400), <see cref="Open311ForbiddenException"/>
/// (401/403, a rejected key), <see cref="Open311NotFoundException"/> (404), <see cref="Open311ServiceException"/> (other
/// statuses), each with every description of the server's error body; <see cref="Open311HtmlResponseException"/> (an HTML
/// page with a success status), <see cref="Open311InvalidResponseException"/> (anything else unreadable),
/// <see cref="Open311TransportException"/> (timeouts and the network) and <see cref="Open311AttributeException"/> (a
/// submission that does not fit the service definition, when checked). All derive from <see cref="Open311Exception"/>.
/// </remarks>
public sealed class Open311Client
{
    /// <summary>The name of the <see cref="HttpClient"/> registered by <c>AddOpen311Client</c>.</summary>
    public const string HttpClientName = "LocalGov.Open311";

    private static readonly TimeSpan HttpClientDefaultTimeout = TimeSpan.FromSeconds(100);
    private static readonly Open311JsonContext Json = Open311JsonContext.Default;

    private readonly IOpen311Api _api;
    private readonly Open311ClientOptions _options;
    private readonly string _format;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/>. Its <see cref="HttpClient.BaseAddress"/> is set from the
    /// options when empty; when its <see cref="HttpClient.Timeout"/> is still the 100-second default it becomes
    /// <see cref="Open311ClientOptions.Timeout"/> (without DI no resilience handler owns timeouts).
    /// </summary>
    /// <param name="httpClient">The HTTP client.</param>
    /// <param name="options">Settings; <see cref="Open311ClientOptions.BaseAddress"/> is required. A copy is kept.</param>
    /// <param name="logger">Where failed calls are logged (event ids 2002–2007; never the key or anything of a submission), or null for nowhere.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public Open311Client(HttpClient httpClient, Open311ClientOptions options, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        Open311ClientOptionsValidator.ThrowIfInvalid(options);

        // A copy: later changes to the caller's object must not change a client already in use.
        _options = new Open311ClientOptions
        {
            BaseAddress = EnsureTrailingSlash(options.BaseAddress!),
            Format = options.Format,
            ApiKey = options.ApiKey,
            JurisdictionId = string.IsNullOrWhiteSpace(options.JurisdictionId) ? null : options.JurisdictionId.Trim(),
            Timeout = options.Timeout,
            MaxResponseBytes = options.MaxResponseBytes,
            MultiValueStyle = options.MultiValueStyle,
        };
        httpClient.BaseAddress ??= _options.BaseAddress;
        if (httpClient.Timeout == HttpClientDefaultTimeout)
        {
            httpClient.Timeout = options.Timeout;
        }

        BaseAddress = httpClient.BaseAddress;
        _format = options.Format == Open311Format.Xml ? "xml" : "json";
        _api = RestService.For<IOpen311Api>(httpClient, new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions { TypeInfoResolver = Json }),
        });
    }

    /// <summary>The endpoint this client calls (ending with a slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The format asked for.</summary>
    public Open311Format Format => _options.Format;

    /// <summary>The services the endpoint takes reports for (<c>GET services</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The services, as listed.</returns>
    /// <exception cref="Open311Exception">The call failed; the subtype says how.</exception>
    public async Task<IReadOnlyList<Open311Service>> GetServicesAsync(CancellationToken cancellationToken = default)
    {
        const string operation = "GetServicesAsync";
        return await Trace(operation, async () =>
        {
            var response = await SendAsync(operation, ct => _api.Services(_format, _options.JurisdictionId, ct), cancellationToken).ConfigureAwait(false);
            var wires = Open311Reader.ReadList(operation, response, Json.ListServiceWire, Json.ServiceWire, Open311Xml.Services);
            return Map(operation, response, () => wires.Select(Open311Mapping.Service).ToList());
        }).ConfigureAwait(false);
    }

    /// <summary>The attributes a service asks for (<c>GET services/{service_code}</c>); needed when <see cref="Open311Service.Metadata"/> is true.</summary>
    /// <param name="serviceCode">The service code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The definition, attributes in the server's order.</returns>
    /// <exception cref="Open311NotFoundException">No such service.</exception>
    public async Task<Open311ServiceDefinition> GetServiceDefinitionAsync(string serviceCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceCode);
        const string operation = "GetServiceDefinitionAsync";
        var code = serviceCode.Trim();
        return await Trace(operation, async () =>
        {
            var response = await SendAsync(operation, ct => _api.ServiceDefinition(code, _format, _options.JurisdictionId, ct), cancellationToken).ConfigureAwait(false);
            var wire = Open311Reader.Read(operation, response, e => e.Deserialize(Json.DefinitionWire) ?? throw new JsonException("The body is JSON null."), Open311Xml.Definition);
            return Map(operation, response, () => Open311Mapping.Definition(wire, code));
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Submits a service request (<c>POST requests</c>, form-encoded, with <see cref="Open311ClientOptions.ApiKey"/> and
    /// <see cref="Open311ClientOptions.JurisdictionId"/>). Only the fields set on <paramref name="submission"/> are sent.
    /// </summary>
    /// <param name="submission">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The <c>service_request_id</c>, or a token to follow up with <see cref="GetRequestIdFromTokenAsync"/>.</returns>
    /// <exception cref="ArgumentException">No service code, no location, or half a position.</exception>
    /// <exception cref="Open311InvalidRequestException">The server refused the request (400), with its descriptions.</exception>
    /// <exception cref="Open311ForbiddenException">The key was rejected (403).</exception>
    /// <exception cref="Open311TransportException">No response; the request may or may not have been made (see remarks of the type).</exception>
    public async Task<Open311SubmitResult> SubmitRequestAsync(Open311Submission submission, CancellationToken cancellationToken = default)
    {
        FormBuilder.RequireValid(submission);
        const string operation = "SubmitRequestAsync";
        var fields = FormBuilder.Build(submission, _options);
        return await Trace(operation, async () =>
        {
            var response = await SendAsync(
                operation,
                ct =>
                {
                    // A fresh body per attempt: content is disposed with its request.
                    var form = new FormUrlEncodedContent(fields);
                    return _api.SubmitRequest(_format, form, ct);
                },
                cancellationToken).ConfigureAwait(false);
            var wires = Open311Reader.ReadList(operation, response, Json.ListRequestWire, Json.RequestWire, Open311Xml.Requests);
            return Map(operation, response, () => wires.Count > 0 ? Open311Mapping.Submitted(wires[0]) : new Open311SubmitResult());
        }).ConfigureAwait(false);
    }

    /// <summary>Checks <paramref name="submission"/> against <paramref name="definition"/>, then submits it.</summary>
    /// <param name="submission">The request.</param>
    /// <param name="definition">The service's definition (from <see cref="GetServiceDefinitionAsync"/>; cache it).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The id or token.</returns>
    /// <exception cref="Open311AttributeException">An attribute does not fit the definition; nothing was sent.</exception>
    public Task<Open311SubmitResult> SubmitRequestAsync(Open311Submission submission, Open311ServiceDefinition definition, CancellationToken cancellationToken = default)
    {
        ValidateAttributes(submission, definition);
        return SubmitRequestAsync(submission, cancellationToken);
    }

    /// <summary>
    /// Checks a submission's attributes against a service definition: every required attribute has a value, list values
    /// are keys of the definition, single-value attributes have one value, numbers and dates parse, and no attribute is
    /// unknown to the service.
    /// </summary>
    /// <param name="submission">The request.</param>
    /// <param name="definition">The service definition.</param>
    /// <exception cref="Open311AttributeException">The first attribute at fault, by code, with what is wrong.</exception>
    /// <exception cref="ArgumentException">The definition is for another service.</exception>
    public static void ValidateAttributes(Open311Submission submission, Open311ServiceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(definition);
        if (!string.Equals(submission.ServiceCode.Trim(), definition.ServiceCode, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The definition is for service '{definition.ServiceCode}', the submission for '{submission.ServiceCode}'.", nameof(definition));
        }

        AttributeChecker.Check(submission, definition);
    }

    /// <summary>The <c>service_request_id</c> a token has become (<c>GET tokens/{token}</c>).</summary>
    /// <param name="token">The token from <see cref="SubmitRequestAsync(Open311Submission, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result; <see cref="Open311TokenResult.ServiceRequestId"/> is null while the server has not made the request yet.</returns>
    /// <exception cref="Open311NotFoundException">The server does not know the token (some servers also answer 404 until the id exists).</exception>
    public async Task<Open311TokenResult> GetRequestIdFromTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        const string operation = "GetRequestIdFromTokenAsync";
        var trimmed = token.Trim();
        return await Trace(operation, async () =>
        {
            var response = await SendAsync(operation, ct => _api.Token(trimmed, _format, _options.JurisdictionId, ct), cancellationToken).ConfigureAwait(false);
            var wires = Open311Reader.ReadList(operation, response, Json.ListRequestWire, Json.RequestWire, Open311Xml.Requests);
            var match = wires.FirstOrDefault(w => string.Equals(WireText.Clean(w.Token), trimmed, StringComparison.Ordinal)) ?? wires.FirstOrDefault();
            return new Open311TokenResult { Token = trimmed, ServiceRequestId = WireText.Clean(match?.ServiceRequestId) };
        }).ConfigureAwait(false);
    }

    /// <summary>Service requests matching the filters (<c>GET requests</c>).</summary>
    /// <param name="query">The filters, or null for the server's default (the last 90 days).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The requests; empty when none match.</returns>
    public async Task<IReadOnlyList<Open311ServiceRequest>> GetRequestsAsync(Open311RequestQuery? query = null, CancellationToken cancellationToken = default)
    {
        const string operation = "GetRequestsAsync";
        query ??= new Open311RequestQuery();
        if (query is { StartDate: { } start, EndDate: { } end } && end < start)
        {
            throw new ArgumentException("EndDate is before StartDate.", nameof(query));
        }

        var ids = Join(query.ServiceRequestIds);
        var codes = Join(query.ServiceCodes);
        var from = W3c(query.StartDate);
        var to = W3c(query.EndDate);
        var status = query.Status switch
        {
            Open311RequestStatus.Open => "open",
            Open311RequestStatus.Closed => "closed",
            null => null,
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Status, "Unknown status."),
        };
        return await Trace(operation, async () =>
        {
            var response = await SendAsync(operation, ct => _api.Requests(_format, _options.JurisdictionId, ids, codes, from, to, status, ct), cancellationToken).ConfigureAwait(false);
            var wires = Open311Reader.ReadList(operation, response, Json.ListRequestWire, Json.RequestWire, Open311Xml.Requests);
            return Map(operation, response, () => wires.Select(Open311Mapping.Request).ToList());
        }).ConfigureAwait(false);
    }

    /// <summary>One service request (<c>GET requests/{service_request_id}</c>).</summary>
    /// <param name="serviceRequestId">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request.</returns>
    /// <exception cref="Open311NotFoundException">No such request (a 404, or an empty list).</exception>
    public async Task<Open311ServiceRequest> GetRequestAsync(string serviceRequestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceRequestId);
        const string operation = "GetRequestAsync";
        var id = serviceRequestId.Trim();
        return await Trace(operation, async () =>
        {
            var response = await SendAsync(operation, ct => _api.Request(id, _format, _options.JurisdictionId, ct), cancellationToken).ConfigureAwait(false);
            var wires = Open311Reader.ReadList(operation, response, Json.ListRequestWire, Json.RequestWire, Open311Xml.Requests);
            var requests = Map(operation, response, () => wires.Select(Open311Mapping.Request).ToList());
            return requests.FirstOrDefault(r => string.Equals(r.ServiceRequestId, id, StringComparison.Ordinal)) ?? requests.FirstOrDefault()
                ?? throw new Open311NotFoundException(operation, response.RequestUri, response.StatusCode, [new Open311Error(null, $"The server answered no request for id '{id}'.")], response.Excerpt);
        }).ConfigureAwait(false);
    }

    private Task<T> Trace<T>(string operation, Func<Task<T>> call) => Open311Telemetry.TraceAsync(operation, BaseAddress, _logger, call);

    private async Task<BufferedResponse> SendAsync(string operation, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var response = await Open311Http.SendAsync(operation, BaseAddress, send, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw Open311Reader.MapError(operation, response);
        }

        return response;
    }

    private static T Map<T>(string operation, BufferedResponse response, Func<T> map)
    {
        try
        {
            return map();
        }
        catch (InvalidOperationException ex)
        {
            throw new Open311InvalidResponseException(operation, response.RequestUri, response.StatusCode, response.MediaType, response.Excerpt, $"Open311 {operation}: {ex.Message} Body starts: {response.Excerpt}", ex);
        }
    }

    private static string? Join(IReadOnlyList<string>? values)
    {
        var list = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
        return list is { Count: > 0 } ? string.Join(',', list) : null;
    }

    private static string? W3c(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
