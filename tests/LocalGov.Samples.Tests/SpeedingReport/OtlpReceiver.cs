using System.Collections.Concurrent;
using System.Text;
using LocalGov.Testing;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>
/// A loopback OTLP/HTTP receiver (<c>POST /v1/traces</c>, protobuf). It decodes just enough of
/// <c>ExportTraceServiceRequest</c> (resource_spans → scope_spans → scope.name and spans[].name) to say which
/// instrumentation scopes sent which spans; other signals are accepted and ignored.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private OtlpReceiver(LoopbackServer server, ConcurrentQueue<(string Scope, string Span)> spans)
    {
        _server = server;
        Spans = spans;
    }

    public Uri Endpoint => _server.BaseAddress;

    public ConcurrentQueue<(string Scope, string Span)> Spans { get; }

    public ConcurrentQueue<string> ContentTypes { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var spans = new ConcurrentQueue<(string Scope, string Span)>();
        OtlpReceiver? receiver = null;
        var server = await LoopbackServer.StartAsync(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            receiver?.ContentTypes.Enqueue(context.Request.ContentType ?? string.Empty);
            if (context.Request.Path == "/v1/traces")
            {
                foreach (var span in Decode(body.ToArray()))
                {
                    spans.Enqueue(span);
                }
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
        }, TestContext.Current.CancellationToken);
        receiver = new OtlpReceiver(server, spans);
        return receiver;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    internal static IEnumerable<(string Scope, string Span)> Decode(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans.Value).Where(f => f.Number == 2))
            {
                var fields = Fields(scopeSpans.Value).ToList();
                var scope = fields.Where(f => f.Number == 1).Select(f => Text(f.Value, 1)).FirstOrDefault() ?? string.Empty;
                foreach (var span in fields.Where(f => f.Number == 2))
                {
                    yield return (scope, Text(span.Value, 5) ?? string.Empty);
                }
            }
        }
    }

    private static string? Text(ReadOnlyMemory<byte> message, int field) =>
        Fields(message).Where(f => f.Number == field).Select(f => Encoding.UTF8.GetString(f.Value.Span)).FirstOrDefault();

    /// <summary>The length-delimited fields of a protobuf message (varints and fixed-width fields are skipped).</summary>
    private static IEnumerable<(int Number, ReadOnlyMemory<byte> Value)> Fields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message.Span, ref position);
            var number = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    ReadVarint(message.Span, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref position);
                    yield return (number, message.Slice(position, length));
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {key & 7} at byte {position}.");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("A varint longer than 10 bytes.");
    }
}
