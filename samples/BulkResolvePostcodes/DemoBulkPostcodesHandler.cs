using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalGov.Postcodes;

namespace BulkResolvePostcodes;

/// <summary>
/// DEMO DATA, for --demo: answers postcodes.io's bulk lookup (POST /postcodes) in-process from the SpeedingReport
/// sample's made-up postcodes, so the sample runs offline through the real client.
/// </summary>
internal sealed class DemoBulkPostcodesHandler : HttpMessageHandler
{
    private readonly Dictionary<string, JsonNode> _postcodes;

    public DemoBulkPostcodesHandler(string path)
    {
        var array = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsArray();
        _postcodes = array.ToDictionary(n => Postcode.Parse(n!["postcode"]!.GetValue<string>()).Value, n => n!);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri!.AbsolutePath.TrimEnd('/') != "/postcodes" || request.Content is null)
        {
            return Reply(HttpStatusCode.NotFound, new JsonObject { ["status"] = 404, ["error"] = "Resource not found" });
        }

        var body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!;
        var results = new JsonArray();
        foreach (var query in body["postcodes"]!.AsArray())
        {
            var text = query!.GetValue<string>();
            var found = Postcode.TryParse(text, out var postcode) && _postcodes.TryGetValue(postcode.Value, out var result) ? result.DeepClone() : null;
            results.Add(new JsonObject { ["query"] = text, ["result"] = found });
        }

        return Reply(HttpStatusCode.OK, new JsonObject { ["status"] = 200, ["result"] = results });
    }

    private static HttpResponseMessage Reply(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
