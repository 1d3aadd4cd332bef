using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Notify.Client;
using Notify.Exceptions;
using SpeedingReport.Configuration;
using SpeedingReport.Routing;

namespace SpeedingReport.Delivery.Notify;

/// <summary>
/// Email through GOV.UK Notify with the official <c>GovukNotify</c> client: the report to the responsible body, or the
/// confirmation to the resident. Notify's <c>reference</c> is the delivery id, so a repeated send (the worker is
/// at-least-once) can be traced in Notify.
/// </summary>
public sealed partial class NotifyEmailChannel(
    IHttpMessageHandlerFactory handlers,
    IOptions<NotifyOptions> options,
    IOptions<SpeedingReportOptions> app,
    RoutingConfiguration routing,
    ILogger<NotifyEmailChannel> logger) : IDeliveryChannel
{
    /// <summary>The name of the HttpClient configuration the channel's connections come from.</summary>
    public const string HttpClientName = "GovukNotify";

    public string Name => "email";

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var template = request.Kind == DeliveryKind.ConfirmationToResident ? settings.ConfirmationTemplateId : settings.ReportTemplateId;
        var personalisation = NotifyPersonalisation.For(request, routing, app.Value.CouncilName);
        return await SendAsync(request.RecipientAddress, template, personalisation, request.DeliveryId, cancellationToken);
    }

    /// <summary>
    /// Sends one email with <paramref name="templateId"/>; <paramref name="reference"/> is Notify's reference, so a repeated
    /// send can be traced. Also used for messages to staff (the summary of deliveries that need attention).
    /// </summary>
    internal async Task<DeliveryOutcome> SendAsync(string emailAddress, string templateId, Dictionary<string, dynamic> personalisation, Guid reference, CancellationToken cancellationToken)
    {
        var settings = options.Value;

        // A client per send, over the factory's pooled handler, so this send's Retry-After is read from its own response.
        var capture = new ResponseCapture { InnerHandler = handlers.CreateHandler(HttpClientName) };
        using var http = new HttpClient(capture, disposeHandler: false) { Timeout = settings.Timeout };
        var wrapper = new HttpClientWrapper(http);
        NotificationClient client;
        try
        {
            client = new NotificationClient(wrapper, settings.ApiKey);
        }
        catch (NotifyAuthException ex)
        {
            return DeliveryOutcome.Permanent($"GOV.UK Notify API key refused by the client: {ex.Message}");
        }

        // The client takes the base address in only one constructor, which makes its own HttpClient; set it afterwards instead.
        wrapper.BaseAddress = settings.BaseUrl;
        try
        {
            var response = await client.SendEmailAsync(
                    emailAddress,
                    templateId,
                    personalisation,
                    reference.ToString(),
                    string.IsNullOrWhiteSpace(settings.ReplyToId) ? null : settings.ReplyToId)
                .WaitAsync(cancellationToken);
            return DeliveryOutcome.Delivered(response.id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var outcome = Classify(ex, capture.RetryAfter, settings.Timeout);
            LogSendFailed(logger, reference, outcome.Kind, outcome.Detail);
            return outcome;
        }
    }

    /// <summary>
    /// The client reports an HTTP error as a NotifyClientException whose message starts "Status code N" and carries
    /// Notify's JSON; a timeout or a network failure comes wrapped in an AggregateException (it blocks on the send).
    /// </summary>
    internal static DeliveryOutcome Classify(Exception exception, TimeSpan? retryAfter, TimeSpan timeout)
    {
        var inner = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.FirstOrDefault() ?? exception : exception;
        switch (inner)
        {
            case NotifyClientException notify when StatusCode().Match(notify.Message) is { Success: true } match:
                var status = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                var errors = Errors(notify.Message);
                return status switch
                {
                    429 => DeliveryOutcome.Transient($"GOV.UK Notify rate limit (429): {errors}", retryAfter),
                    >= 500 => DeliveryOutcome.Transient($"GOV.UK Notify server error ({status}): {errors}"),
                    403 => DeliveryOutcome.Permanent($"GOV.UK Notify refused the API key (403): {errors}"),
                    _ => DeliveryOutcome.Permanent($"GOV.UK Notify refused the email ({status}): {errors}"),
                };
            case NotifyClientException notify:
                // No status: the client turned a network failure into this exception.
                return DeliveryOutcome.Transient($"GOV.UK Notify could not be reached: {notify.Message}");
            case NotifyAuthException auth:
                return DeliveryOutcome.Permanent($"GOV.UK Notify API key refused by the client: {auth.Message}");
            case TaskCanceledException or TimeoutException:
                return DeliveryOutcome.Transient($"GOV.UK Notify did not answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            case HttpRequestException http:
                return DeliveryOutcome.Transient($"GOV.UK Notify could not be reached: {http.Message}");
            default:
                // Not knowing whether Notify took it, sending again is the safer mistake: the reference shows a duplicate.
                return DeliveryOutcome.Transient($"GOV.UK Notify send failed: {inner.GetType().Name}: {inner.Message}");
        }
    }

    /// <summary>Notify's error list as "Error: message; …", from the JSON the client puts in its message (short, for staff).</summary>
    private static string Errors(string message)
    {
        var found = ErrorEntry().Matches(message).Select(m => $"{Regex.Unescape(m.Groups[1].Value)}: {Regex.Unescape(m.Groups[2].Value)}").Distinct().ToList();
        var text = found.Count > 0 ? string.Join("; ", found) : message;
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    [GeneratedRegex(@"^Status code (\d{3})")]
    private static partial Regex StatusCode();

    [GeneratedRegex("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex ErrorEntry();

    [LoggerMessage(Level = LogLevel.Warning, Message = "GOV.UK Notify send {Reference} failed ({Kind}): {Detail}")]
    private static partial void LogSendFailed(ILogger logger, Guid reference, DeliveryOutcomeKind kind, string? detail);

    /// <summary>Keeps the Retry-After of the response, which the official client does not expose.</summary>
    private sealed class ResponseCapture : DelegatingHandler
    {
        public TimeSpan? RetryAfter { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            RetryAfter = Delay(response.Headers.RetryAfter);
            return response;
        }

        private static TimeSpan? Delay(RetryConditionHeaderValue? header) => header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
    }
}
