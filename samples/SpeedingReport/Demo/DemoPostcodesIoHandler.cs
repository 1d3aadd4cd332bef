using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalGov.Postcodes;
using SpeedingReport.Configuration;

namespace SpeedingReport.Demo;

/// <summary>
/// DEMO DATA: answers postcodes.io's single-postcode lookup in-process, from a file of made-up postcodes, so the
/// sample runs offline through the real <c>PostcodesIoClient</c>. Replies exactly as postcodes.io does, including
/// its 404 bodies for unknown and malformed postcodes. Remove <c>SpeedingReport:DemoPostcodes</c> to use the real service.
/// </summary>
public sealed class DemoPostcodesIoHandler : HttpMessageHandler
{
    private readonly Dictionary<string, JsonNode> _postcodes;

    public DemoPostcodesIoHandler(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpeedingReportConfigurationException("SpeedingReport:DemoPostcodes", $"the file '{path}' does not exist.");
        }

        try
        {
            var array = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })?.AsArray()
                ?? throw new SpeedingReportConfigurationException(path, "expected a JSON array of postcodes.io results.");
            _postcodes = array.ToDictionary(
                n => Postcode.Parse(n?["postcode"]?.GetValue<string>() ?? throw new SpeedingReportConfigurationException(path, "every entry needs a \"postcode\".")).Value,
                n => n!);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new SpeedingReportConfigurationException(path, $"not a valid demo postcode file: {ex.Message}", ex);
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method == HttpMethod.Get && segments is ["ready"])
        {
            // postcodes.io's readiness endpoint, which the health check asks.
            return Task.FromResult(Reply(HttpStatusCode.OK, new JsonObject { ["status"] = 200, ["result"] = "ready" }, request));
        }

        if (request.Method != HttpMethod.Get || segments.Length != 2 || segments[0] != "postcodes")
        {
            return Task.FromResult(Reply(HttpStatusCode.NotFound, new JsonObject { ["status"] = 404, ["error"] = "Resource not found" }, request));
        }

        var text = Uri.UnescapeDataString(segments[1]);
        if (!Postcode.TryParse(text, out var postcode))
        {
            return Task.FromResult(Reply(HttpStatusCode.NotFound, new JsonObject { ["status"] = 404, ["error"] = "Invalid postcode" }, request));
        }

        return Task.FromResult(_postcodes.TryGetValue(postcode.Value, out var result)
            ? Reply(HttpStatusCode.OK, new JsonObject { ["status"] = 200, ["result"] = result.DeepClone() }, request)
            : Reply(HttpStatusCode.NotFound, new JsonObject { ["status"] = 404, ["error"] = "Postcode not found" }, request));
    }

    private static HttpResponseMessage Reply(HttpStatusCode status, JsonObject body, HttpRequestMessage request) => new(status)
    {
        RequestMessage = request,
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    };
}
