using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Samples.Tests.SpeedingReport.Notify;

/// <summary>One email request the stand-in received, as Notify would see it.</summary>
internal sealed record NotifyEmailRequest(
    int AnsweredStatus,
    string? Issuer,
    long? IssuedAt,
    string? EmailAddress,
    string? TemplateId,
    IReadOnlyDictionary<string, string> Personalisation,
    string? Reference,
    string? ReplyToId,
    string? UserAgent);

/// <summary>A template the stand-in knows: its subject and body with ((placeholders)).</summary>
internal sealed record NotifyTemplate(Guid Id, string Subject, string Body);

/// <summary>
/// A loopback stand-in of the GOV.UK Notify API for <c>POST /v2/notifications/email</c>, speaking the protocol in
/// Notify's documentation: the Bearer JWT is checked (HS256 with the key's secret, <c>iss</c> the service id,
/// <c>iat</c> within 30 seconds of the stand-in's clock), then the address, template, reply-to id and
/// personalisation, and the documented 201 or error body is returned. A test can script the answer to each call.
/// </summary>
internal sealed partial class NotifyStandIn : IAsyncDisposable
{
    public static readonly Guid ServiceId = Guid.Parse("7e1c2d3a-0b4f-4c5d-9e8f-a1b2c3d4e5f6");
    public static readonly Guid Secret = Guid.Parse("3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c");
    public static readonly Guid ReplyToId = Guid.Parse("b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

    private readonly ConcurrentQueue<Func<HttpContext, Task<bool>>> _scripts = new();
    private readonly ConcurrentQueue<NotifyEmailRequest> _received = new();
    private readonly ConcurrentDictionary<Guid, NotifyTemplate> _templates = new();
    private LoopbackServer? _server;

    private NotifyStandIn(TimeProvider clock) => Clock = clock;

    /// <summary>An API key in Notify's format for this service: <c>{name}-{service id}-{secret}</c>.</summary>
    public static string ApiKey => $"speedingreport_test-{ServiceId}-{Secret}";

    /// <summary>The clock the <c>iat</c> claim is checked against.</summary>
    public TimeProvider Clock { get; }

    public Uri BaseAddress => _server!.BaseAddress;

    public IReadOnlyList<NotifyEmailRequest> Received => [.. _received];

    public static async Task<NotifyStandIn> StartAsync(TimeProvider? clock = null)
    {
        var standIn = new NotifyStandIn(clock ?? TimeProvider.System);
        standIn._server = await LoopbackServer.StartAsync(standIn.HandleAsync, TestContext.Current.CancellationToken);
        return standIn;
    }

    public void AddTemplate(NotifyTemplate template) => _templates[template.Id] = template;

    /// <summary>The next call is answered with this status and Notify error (after the request is recorded), whatever it holds.</summary>
    public void ScriptError(int status, string error, string message, TimeSpan? retryAfter = null) =>
        _scripts.Enqueue(async context =>
        {
            if (retryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await WriteErrorAsync(context, status, error, message);
            return true;
        });

    /// <summary>The next call is answered only after this delay (then as usual).</summary>
    public void ScriptDelay(TimeSpan delay) =>
        _scripts.Enqueue(async context =>
        {
            await Task.Delay(delay, context.RequestAborted);
            return false;
        });

    /// <summary>The next call is answered only once <paramref name="release"/> completes (then as usual): a send held in flight.</summary>
    public void ScriptHold(Task release) =>
        _scripts.Enqueue(async context =>
        {
            await release.WaitAsync(context.RequestAborted);
            return false;
        });

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Method != "POST" || context.Request.Path != "/v2/notifications/email")
        {
            await WriteErrorAsync(context, 404, "ResourceNotFound", "The requested URL was not found on the server.");
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        var (issuer, issuedAt, authProblem) = CheckToken(context.Request.Headers.Authorization.ToString());
        var personalisation = root.TryGetProperty("personalisation", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.ValueKind == JsonValueKind.String ? e.Value.GetString()! : e.Value.GetRawText(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var email = Text("email_address");
        var templateId = Text("template_id");
        var reference = Text("reference");
        var replyTo = Text("email_reply_to_id");

        void Record(int status) => _received.Enqueue(new NotifyEmailRequest(status, issuer, issuedAt, email, templateId, personalisation, reference, replyTo, context.Request.Headers.UserAgent.ToString()));

        while (_scripts.TryDequeue(out var script))
        {
            // A delay lets the call go on to the usual answer; an error script answers.
            var statusBefore = context.Response.StatusCode;
            if (await script(context))
            {
                Record(context.Response.StatusCode);
                return;
            }

            context.Response.StatusCode = statusBefore;
            break;
        }

        if (authProblem is not null)
        {
            Record(403);
            await WriteErrorAsync(context, 403, "AuthError", authProblem);
            return;
        }

        if (email is null || !EmailAddress().IsMatch(email))
        {
            Record(400);
            await WriteErrorAsync(context, 400, "ValidationError", "email_address Not a valid email address");
            return;
        }

        if (!Guid.TryParse(templateId, out var id) || !_templates.TryGetValue(id, out var template))
        {
            Record(400);
            await WriteErrorAsync(context, 400, "BadRequestError", "Template not found");
            return;
        }

        if (replyTo is not null && (!Guid.TryParse(replyTo, out var r) || r != ReplyToId))
        {
            Record(400);
            await WriteErrorAsync(context, 400, "BadRequestError", $"email_reply_to_id {replyTo} does not exist in database for service id {ServiceId}");
            return;
        }

        var missing = Placeholder().Matches(template.Subject + template.Body).Select(m => m.Groups[1].Value).Distinct().Where(name => !personalisation.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            Record(400);
            await WriteErrorAsync(context, 400, "BadRequestError", $"Missing personalisation: {string.Join(", ", missing)}");
            return;
        }

        Record(201);
        var notificationId = Guid.NewGuid();
        string Fill(string text) => Placeholder().Replace(text, m => personalisation[m.Groups[1].Value]);
        var response = new JsonObject
        {
            ["id"] = notificationId.ToString(),
            ["reference"] = reference,
            ["content"] = new JsonObject { ["subject"] = Fill(template.Subject), ["body"] = Fill(template.Body), ["from_email"] = "speeding.report@notifications.service.gov.uk" },
            ["uri"] = new Uri(BaseAddress, $"v2/notifications/{notificationId}").ToString(),
            ["template"] = new JsonObject { ["id"] = template.Id.ToString(), ["version"] = 1, ["uri"] = new Uri(BaseAddress, $"services/{ServiceId}/templates/{template.Id}").ToString() },
        };
        context.Response.StatusCode = 201;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString(), context.RequestAborted);
    }

    /// <summary>Checks the token as Notify does; returns the claims read and the problem, if any, in Notify's words.</summary>
    private (string? Issuer, long? IssuedAt, string? Problem) CheckToken(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return (null, null, "Unauthorized: authentication token must be provided");
        }

        var parts = authorization["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return (null, null, "Invalid token: not a JWT");
        }

        using var header = JsonDocument.Parse(Base64Url(parts[0]));
        if (header.RootElement.TryGetProperty("alg", out var alg) is false || alg.GetString() != "HS256")
        {
            return (null, null, "Invalid token: algorithm used is not HS256");
        }

        using var claims = JsonDocument.Parse(Base64Url(parts[1]));
        var issuer = claims.RootElement.TryGetProperty("iss", out var iss) ? iss.GetString() : null;
        long? issuedAt = claims.RootElement.TryGetProperty("iat", out var iat) && iat.TryGetDouble(out var seconds) ? (long)seconds : null;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret.ToString()), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url(parts[2])))
        {
            return (issuer, issuedAt, "Invalid token: signature, api token not found");
        }

        if (issuer != ServiceId.ToString())
        {
            return (issuer, issuedAt, "Invalid token: service not found");
        }

        if (issuedAt is not { } at || Math.Abs(Clock.GetUtcNow().ToUnixTimeSeconds() - at) > 30)
        {
            return (issuer, issuedAt, "Error: Your system clock must be accurate to within 30 seconds");
        }

        return (issuer, issuedAt, null);
    }

    private static byte[] Base64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string error, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var json = new JsonObject
        {
            ["status_code"] = status,
            ["errors"] = new JsonArray(new JsonObject { ["error"] = error, ["message"] = message }),
        };
        await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
    }

    [GeneratedRegex(@"\(\(([^()]+)\)\)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();
}
