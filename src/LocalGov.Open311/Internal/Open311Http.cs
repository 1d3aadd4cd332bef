using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace LocalGov.Open311.Internal;

/// <summary>A response read in full (up to the cap), so parsing never meets a half-read stream.</summary>
internal sealed record BufferedResponse(HttpStatusCode Status, Uri? RequestUri, string? MediaType, byte[] Body, TimeSpan? RetryAfter = null)
{
    public int StatusCode => (int)Status;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public string Excerpt => Open311Http.Excerpt(Body);
}

/// <summary>Sends one request and turns every transport failure into an <see cref="Open311TransportException"/>.</summary>
internal static class Open311Http
{
    private const int ExcerptLength = 200;

    public static async Task<BufferedResponse> SendAsync(
        string operation,
        Uri baseAddress,
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
            if (cause is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                ExceptionDispatchInfo.Throw(cause);
            }

            if (IsTransportFailure(cause, cancellationToken))
            {
                throw Transport(operation, baseAddress, cause);
            }

            throw;
        }

        using (response)
        {
            var uri = Sanitise(response.RequestMessage?.RequestUri ?? baseAddress);
            if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
            {
                throw TooLarge(operation, uri, response, $"declares {declared} bytes", maxBytes);
            }

            try
            {
                var body = await ReadCappedAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false)
                    ?? throw TooLarge(operation, uri, response, "goes on past the limit", maxBytes);
                Open311Telemetry.RecordResponse(operation, uri, (int)response.StatusCode, body.Length);
                return new BufferedResponse(response.StatusCode, uri, response.Content.Headers.ContentType?.MediaType, body, RetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
            {
                throw new Open311TransportException(operation, uri, ex is OperationCanceledException or TimeoutRejectedException, $"Open311 {operation}: the response was cut off before its end ({ex.Message}).", ex);
            }
        }
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
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

    private static Open311InvalidResponseException TooLarge(string operation, Uri? uri, HttpResponseMessage response, string what, long maxBytes) =>
        new(operation, uri, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, null, $"Open311 {operation}: the response {what}, more than the {maxBytes}-byte limit (MaxResponseBytes); it was not read.");

    private static Open311TransportException Transport(string operation, Uri uri, Exception cause)
    {
        var timeout = cause is OperationCanceledException or TimeoutRejectedException;
        var message = cause switch
        {
            _ when timeout => $"Open311 {operation}: no response before the timeout.",
            BrokenCircuitException => $"Open311 {operation}: not sent, the circuit breaker is open after repeated failures.",
            _ => $"Open311 {operation}: no response ({cause.Message}).",
        };
        return new Open311TransportException(operation, uri, timeout, message, cause);
    }

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or IOException or TimeoutRejectedException or BrokenCircuitException => true,
        _ => false,
    };

    /// <summary>
    /// The wait a <c>Retry-After</c> header asks for: its seconds, or the time until its date (zero once past). A header
    /// that is not a number of seconds or an HTTP date is ignored (null), as the typed header parser leaves it.
    /// </summary>
    internal static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    public static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ExcerptLength * 4)).Trim();
        return text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength), "…");
    }

    /// <summary>Drops any <c>api_key</c> query parameter (some servers take it there) so exceptions never carry it.</summary>
    internal static Uri? Sanitise(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Query))
        {
            return uri;
        }

        var kept = uri.Query.TrimStart('?').Split('&')
            .Where(p => !p.StartsWith("api_key=", StringComparison.OrdinalIgnoreCase) && !p.Equals("api_key", StringComparison.OrdinalIgnoreCase));
        return new UriBuilder(uri) { Query = string.Join('&', kept) }.Uri;
    }
}
