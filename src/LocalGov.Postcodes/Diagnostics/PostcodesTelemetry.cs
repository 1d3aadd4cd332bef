using System.Diagnostics;
using LocalGov.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly.Retry;

namespace LocalGov.Postcodes.Internal;

/// <summary>
/// The package's one <see cref="ActivitySource"/> and one meter, both named <see cref="Name"/> (static, because the
/// clients are also built without DI). Tags never hold a postcode, a query string or MapIt's API key (sent as a header).
/// </summary>
internal static class PostcodesTelemetry
{
    public const string Name = "LocalGov.Postcodes";

    public const string ServiceTag = "localgov.service";

    private static readonly RemoteCallTelemetry Calls = new(
        Name,
        "localgov.postcodes",
        typeof(PostcodesTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        "Calls to postcodes.io and MapIt",
        "408, 429, 5xx, no response");

    /// <summary>Runs one remote call inside its span, recording the outcome.</summary>
    public static Task<T> TraceAsync<T>(string service, string operation, Uri? baseAddress, ILogger logger, Func<Task<T>> call)
    {
        var name = RemoteCallTelemetry.Trim(operation);
        var scope = Scope(service, name);
        var spanTags = scope;
        if (baseAddress is { IsAbsoluteUri: true })
        {
            spanTags.Add(RemoteCallTelemetry.ServerTag, baseAddress.Host);
        }

        return Calls.TraceAsync(service + " " + name, spanTags, scope, ex => (ex as PostcodesServiceException)?.StatusCode, ex => PostcodesLog.Failed(logger, service, name, ex), call);
    }

    /// <summary>Called with each body read: its size, and the status and redacted URL on the current span.</summary>
    public static void RecordResponse(string service, string operation, Uri? requestUri, int status, long bytes) =>
        Calls.RecordResponse(Scope(service, RemoteCallTelemetry.Trim(operation)), status, bytes, requestUri is { IsAbsoluteUri: true } ? Redact(requestUri) : null);

    public static void RecordParse(string service, string operation, long startTimestamp) =>
        Calls.RecordParse(Scope(service, RemoteCallTelemetry.Trim(operation)), startTimestamp);

    /// <summary>Called by the retry strategy before each retry.</summary>
    public static void RecordRetry(string service, OnRetryArguments<HttpResponseMessage> args) =>
        Calls.RecordRetry(args, new TagList { { ServiceTag, service } }, "unknown");

    /// <summary>
    /// The URL with no query and only its first path segment kept (<c>/postcodes/{…}</c>): paths carry postcodes and
    /// coordinates, which can place a resident.
    /// </summary>
    internal static string Redact(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = segments.Length switch
        {
            0 => "/",
            1 => "/" + segments[0],
            _ => "/" + segments[0] + "/{…}",
        };
        return uri.GetLeftPart(UriPartial.Authority) + path;
    }

    private static TagList Scope(string service, string operation) => new() { { ServiceTag, service }, { RemoteCallTelemetry.OperationTag, operation } };
}
