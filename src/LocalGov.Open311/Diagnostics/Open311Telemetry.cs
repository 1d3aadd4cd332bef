using System.Diagnostics;
using LocalGov.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly.Retry;

namespace LocalGov.Open311.Internal;

/// <summary>
/// The package's one <see cref="ActivitySource"/> and one meter, both named <see cref="Name"/> (static, because clients
/// are also built without DI). Tags hold the operation, the endpoint and the outcome only: never the API key, the
/// jurisdiction or any query, and nothing of a submission (a resident's name, email, text or position).
/// </summary>
internal static class Open311Telemetry
{
    public const string Name = "LocalGov.Open311";

    public const string OperationTag = RemoteCallTelemetry.OperationTag;

    private static readonly RemoteCallTelemetry Calls = new(
        Name,
        "localgov.open311",
        typeof(Open311Telemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        "Calls to Open311 endpoints",
        "a POST only when the server cannot have acted on it");

    public static ActivitySource Source => Calls.Source;

    /// <summary>Runs one remote call inside its span, recording the outcome, and logs a failure.</summary>
    public static Task<T> TraceAsync<T>(string operation, Uri baseAddress, ILogger logger, Func<Task<T>> call)
    {
        var name = RemoteCallTelemetry.Trim(operation);
        var server = baseAddress.IsAbsoluteUri ? baseAddress.Host : "unknown";
        var tags = new TagList { { OperationTag, name }, { RemoteCallTelemetry.ServerTag, server } };
        return Calls.TraceAsync("Open311 " + name, tags, tags, StatusOf, ex => Open311Log.Failed(logger, name, server, ex), call);
    }

    /// <summary>Called with each body read: its size, and the status and redacted URL on the current span.</summary>
    public static void RecordResponse(string operation, Uri? requestUri, int status, long bytes) =>
        Calls.RecordResponse(new TagList { { OperationTag, RemoteCallTelemetry.Trim(operation) } }, status, bytes, requestUri is { IsAbsoluteUri: true } ? Redact(requestUri) : null);

    public static void RecordParse(string operation, long startTimestamp) =>
        Calls.RecordParse(new TagList { { OperationTag, RemoteCallTelemetry.Trim(operation) } }, startTimestamp);

    /// <summary>Called by the retry strategy before each retry.</summary>
    public static void RecordRetry(OnRetryArguments<HttpResponseMessage> args) => Calls.RecordRetry(args, default, "unknown");

    /// <summary>The URL without its query (the jurisdiction and, on some servers, the API key travel there).</summary>
    internal static string Redact(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    private static int? StatusOf(Exception exception) => exception switch
    {
        Open311ServiceException s => (int?)s.StatusCode,
        Open311InvalidResponseException i => i.StatusCode,
        _ => null,
    };
}
