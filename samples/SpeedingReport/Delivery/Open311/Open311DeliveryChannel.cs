using System.Collections.Concurrent;
using System.Globalization;
using LocalGov.Open311;

namespace SpeedingReport.Delivery.Open311;

/// <summary>
/// Delivers reports into a council's case system through Open311 GeoReport v2. The delivery's recipient address is the
/// endpoint's name in the contact directory. A realtime service answers the request id (<see cref="DeliveryOutcome.Delivered"/>);
/// a batch one a token (<see cref="DeliveryOutcome.AwaitingId"/>), which the worker hands back as
/// <see cref="DeliveryRequest.PendingToken"/> on a later call, when it is looked up instead of sending again.
/// </summary>
public sealed partial class Open311DeliveryChannel : IDeliveryChannel
{
    public const string ChannelName = "open311";

    /// <summary>The named HTTP client (standard resilience, no blind POST retries) the channel's clients use.</summary>
    public const string HttpClientName = "SpeedingReport.Open311";

    /// <summary>The longest a server's Retry-After holds a delivery back.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    private static readonly TimeSpan DefinitionLifetime = TimeSpan.FromHours(1);

    private readonly Open311Endpoints _endpoints;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _time;
    private readonly ILogger<Open311DeliveryChannel> _logger;
    private readonly ConcurrentDictionary<string, (Open311ServiceDefinition Definition, DateTimeOffset Read)> _definitions = new(StringComparer.OrdinalIgnoreCase);

    public Open311DeliveryChannel(Open311Endpoints endpoints, IHttpClientFactory httpClients, ILogger<Open311DeliveryChannel> logger, TimeProvider? time = null)
    {
        _endpoints = endpoints;
        _httpClients = httpClients;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public string Name => ChannelName;

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind != DeliveryKind.ToResponsibleBody)
        {
            return DeliveryOutcome.Permanent("Open311 takes reports for the responsible body only; the resident's confirmation goes by email.");
        }

        if (_endpoints.Find(request.RecipientAddress) is not { } endpoint)
        {
            return DeliveryOutcome.Permanent($"No Open311 endpoint is named '{request.RecipientAddress}' in the contact directory (known: {string.Join(", ", _endpoints.Names)}).");
        }

        var client = new Open311Client(_httpClients.CreateClient(HttpClientName), endpoint.Options);
        var what = request.PendingToken is null ? "submit" : "token follow-up";
        try
        {
            return request.PendingToken is { } token
                ? await FollowUpAsync(client, token, cancellationToken).ConfigureAwait(false)
                : await SubmitAsync(client, request, endpoint, cancellationToken).ConfigureAwait(false);
        }
        catch (Open311AttributeException ex)
        {
            return DeliveryOutcome.Permanent($"The report does not fit the service definition of '{endpoint.Target.ServiceCode}': {ex.Message} Nothing was sent.");
        }
        catch (Open311InvalidRequestException ex)
        {
            return DeliveryOutcome.Permanent($"The Open311 server refused the report (HTTP {ex.StatusCode}): {ex.Descriptions ?? ex.BodyExcerpt ?? "no reason given"}");
        }
        catch (Open311ForbiddenException ex)
        {
            return DeliveryOutcome.Permanent($"The Open311 server rejected the API key (HTTP {ex.StatusCode}): {ex.Descriptions ?? "no reason given"}. Check {Open311Endpoints.SectionName}:{endpoint.Target.Name}:ApiKey.");
        }
        catch (Open311NotFoundException ex) when (request.PendingToken is not null)
        {
            // Servers answer 404 for a token until the case system has made the request (open311-adapter does): not yet,
            // not never. It stays awaiting its id, followed up at the token interval until the delivery's maximum age.
            return DeliveryOutcome.AwaitingId(request.PendingToken, $"The Open311 server has no request for token '{request.PendingToken}' yet (HTTP 404: {ex.Descriptions ?? "no reason given"}); asking again later.");
        }
        catch (Open311NotFoundException ex)
        {
            return DeliveryOutcome.Permanent($"The Open311 server does not know service '{endpoint.Target.ServiceCode}' (HTTP 404): {ex.Descriptions ?? "no reason given"}");
        }
        catch (Open311ServiceException ex) when (ex.IsTransient)
        {
            var wait = BoundRetryAfter(ex.RetryAfter);
            var asked = wait is { } w ? string.Create(CultureInfo.InvariantCulture, $" The server asked to wait; retrying in no less than {w.TotalSeconds:0} s.") : "";
            return DeliveryOutcome.Transient($"The Open311 server {(ex.StatusCode == 429 ? "asked us to slow down" : "failed")} (HTTP {ex.StatusCode}): {ex.Descriptions ?? ex.BodyExcerpt ?? "no reason given"}.{asked}", wait);
        }
        catch (Open311ServiceException ex)
        {
            return DeliveryOutcome.Permanent($"The Open311 server answered HTTP {ex.StatusCode}: {ex.Descriptions ?? ex.BodyExcerpt ?? "no reason given"}");
        }
        catch (Open311TransportException ex)
        {
            LogNoResponse(ex, what, endpoint.Target.Name);
            var note = ex.IsTimeout && request.PendingToken is null
                ? " The server may have made the case before the timeout; if a duplicate appears, close one."
                : "";
            return DeliveryOutcome.Transient($"{ex.Message}{note}");
        }
        catch (Open311InvalidResponseException ex)
        {
            // An HTML login or maintenance page, or a broken body: usually passing, and staff see the text if it sticks.
            return DeliveryOutcome.Transient(ex.Message);
        }
    }

    /// <summary>
    /// A server's Retry-After, kept between zero and <see cref="MaxRetryAfter"/>: a date years ahead (a misconfigured
    /// proxy) must not park a report for ever, and the worker's attempt limit and maximum age still end a delivery.
    /// </summary>
    internal static TimeSpan? BoundRetryAfter(TimeSpan? retryAfter) => retryAfter switch
    {
        null => null,
        { } wait when wait <= TimeSpan.Zero => TimeSpan.Zero,
        { } wait => wait > MaxRetryAfter ? MaxRetryAfter : wait,
    };

    private static async Task<DeliveryOutcome> FollowUpAsync(Open311Client client, string token, CancellationToken cancellationToken)
    {
        var result = await client.GetRequestIdFromTokenAsync(token, cancellationToken).ConfigureAwait(false);
        return result.ServiceRequestId is { } id
            ? DeliveryOutcome.Delivered(id, $"Token {token} became request {id}.")
            : DeliveryOutcome.AwaitingId(token);
    }

    private async Task<DeliveryOutcome> SubmitAsync(Open311Client client, DeliveryRequest request, Open311Endpoint endpoint, CancellationToken cancellationToken)
    {
        var submission = Open311SubmissionMapper.Map(request, endpoint.Target);
        var result = endpoint.Target.CheckAttributes
            ? await client.SubmitRequestAsync(submission, await DefinitionAsync(client, endpoint, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            : await client.SubmitRequestAsync(submission, cancellationToken).ConfigureAwait(false);
        if (result.ServiceRequestId is { } id)
        {
            return DeliveryOutcome.Delivered(id, result.ServiceNotice);
        }

        return result.Token is { } token
            ? DeliveryOutcome.AwaitingId(token)
            : DeliveryOutcome.Delivered(null, "Accepted; this Open311 service gives no request id.");
    }

    private async Task<Open311ServiceDefinition> DefinitionAsync(Open311Client client, Open311Endpoint endpoint, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_definitions.TryGetValue(endpoint.Target.Name, out var cached) && now - cached.Read < DefinitionLifetime)
        {
            return cached.Definition;
        }

        var definition = await client.GetServiceDefinitionAsync(endpoint.Target.ServiceCode, cancellationToken).ConfigureAwait(false);
        _definitions[endpoint.Target.Name] = (definition, now);
        return definition;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open311 {What} to {Endpoint} got no response")]
    private partial void LogNoResponse(Exception exception, string what, string endpoint);
}
