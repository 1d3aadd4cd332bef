using System.Net;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace LocalGov.Postcodes.Internal;

/// <summary>A response whose body has been read in full, so parsing never meets a half-read stream.</summary>
internal sealed record BufferedResponse(HttpStatusCode Status, Uri? RequestUri, System.Net.Http.Headers.HttpResponseHeaders Headers, string? MediaType, byte[] Body)
{
    public int StatusCode => (int)Status;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public string Excerpt => HttpCall.Excerpt(Body);
}

/// <summary>Sends one request and turns every transport failure into a <see cref="PostcodesTransportException"/>.</summary>
internal static class HttpCall
{
    private const int ExcerptLength = 200;

    public static async Task<BufferedResponse> SendAsync(
        string service,
        string operation,
        Uri? baseAddress,
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        long maxBytes,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Refit wraps what the handler pipeline threw; the cause decides what the caller sees.
            var cause = ex is ApiRequestException { InnerException: { } inner } ? inner : ex;
            if (cause is OperationCanceledException && cancellationToken.IsCancellationRequested && !ReferenceEquals(cause, ex))
            {
                ExceptionDispatchInfo.Throw(cause);
            }

            if (IsTransportFailure(cause, cancellationToken))
            {
                throw new PostcodesTransportException(service, operation, baseAddress, Describe(service, operation, cause), cause);
            }

            throw;
        }

        using (response)
        {
            var uri = Sanitise(response.RequestMessage?.RequestUri ?? baseAddress);
            if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
            {
                throw TooLarge(service, operation, uri, response.StatusCode, $"declares {declared} bytes", maxBytes);
            }

            try
            {
                var body = await ReadCappedAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false)
                    ?? throw TooLarge(service, operation, uri, response.StatusCode, "goes on past the limit", maxBytes);
                PostcodesTelemetry.RecordResponse(service, operation, uri, (int)response.StatusCode, body.Length);
                return new BufferedResponse(response.StatusCode, uri, response.Headers, response.Content.Headers.ContentType?.MediaType, body);
            }
            catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
            {
                throw new PostcodesTransportException(service, operation, uri, $"{service} {operation}: the response was cut off before its end ({ex.Message}).", ex);
            }
        }
    }

    /// <summary>The whole body, or null as soon as it proves longer than <paramref name="maxBytes"/> (the rest is never read).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var declared = content.Headers.ContentLength;
            using var buffer = new MemoryStream(declared is > 0 ? (int)declared.Value : 16 * 1024);
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static PostcodesInvalidResponseException TooLarge(string service, string operation, Uri? uri, HttpStatusCode status, string what, long maxBytes) =>
        new(service, operation, uri, (int)status, null, $"{service} {operation}: the response {what}, more than the {maxBytes}-byte limit (MaxResponseBytes); it was not read.");

    public static T Deserialize<T>(string service, string operation, BufferedResponse response, JsonTypeInfo<T> typeInfo)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var value = JsonSerializer.Deserialize(response.Body, typeInfo);
            return value ?? throw new PostcodesInvalidResponseException(service, operation, response.RequestUri, response.StatusCode, response.Excerpt, $"{service} {operation}: the response body was JSON null where a value was expected.");
        }
        catch (JsonException ex)
        {
            throw new PostcodesInvalidResponseException(
                service,
                operation,
                response.RequestUri,
                response.StatusCode,
                response.Excerpt,
                $"{service} {operation}: the response (HTTP {response.StatusCode}) is not the documented JSON: {ex.Message} Body starts: {response.Excerpt}",
                ex);
        }
        finally
        {
            PostcodesTelemetry.RecordParse(service, operation, started);
        }
    }

    public static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ExcerptLength * 4));
        return text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength), "…");
    }

    public static TimeSpan? RetryAfter(BufferedResponse response) => RetryAfter(response.Headers);

    /// <summary>The response's <c>Retry-After</c> as a wait from now (a past date is zero), or null when absent, malformed or not a response.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response) => response is null ? null : RetryAfter(response.Headers);

    private static TimeSpan? RetryAfter(System.Net.Http.Headers.HttpResponseHeaders headers)
    {
        // A malformed value is not parsed by HttpClient (RetryAfter is null), so it counts as absent.
        var retry = headers.RetryAfter;
        if (retry?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retry?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or IOException or TimeoutRejectedException or BrokenCircuitException => true,
        _ => false,
    };

    private static string Describe(string service, string operation, Exception ex) => ex switch
    {
        OperationCanceledException or TimeoutRejectedException => $"{service} {operation}: no response before the timeout.",
        BrokenCircuitException => $"{service} {operation}: not sent, the circuit breaker is open after repeated failures.",
        _ => $"{service} {operation}: no response ({ex.Message}).",
    };

    /// <summary>Drops any <c>api_key</c> query parameter so exceptions never carry a secret.</summary>
    internal static Uri? Sanitise(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Query))
        {
            return uri;
        }

        var kept = uri.Query.TrimStart('?').Split('&')
            .Where(p => !p.StartsWith("api_key=", StringComparison.OrdinalIgnoreCase) && !p.Equals("api_key", StringComparison.OrdinalIgnoreCase));
        var builder = new UriBuilder(uri) { Query = string.Join('&', kept) };
        return builder.Uri;
    }
}
