using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalGov.Postcodes;

namespace WhoCoversThisPlace;

/// <summary>
/// DEMO DATA: answers postcodes.io's <c>GET /postcodes/{postcode}</c> and Modern.Gov's <c>GetParishCouncils</c> and
/// <c>GetCouncillorsByWard</c> in-process from the files named in the settings' <c>demo</c> section, so the real
/// clients run offline. Remove <c>demo</c> and set <c>postcodesIo</c> and <c>modernGov</c> for the real services.
/// </summary>
internal sealed class DemoServicesHandler : HttpMessageHandler
{
    private readonly Dictionary<string, JsonNode> _postcodes = new(StringComparer.Ordinal);
    private readonly string? _parishCouncils;
    private readonly string? _councillorsByWard;

    public DemoServicesHandler(PlaceSettings settings, DemoSettings demo)
    {
        if (demo.Postcodes is { } postcodes)
        {
            var array = JsonNode.Parse(Read(settings, postcodes), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsArray();
            foreach (var node in array)
            {
                _postcodes[Postcode.Parse(node!["postcode"]!.GetValue<string>()).Value] = node;
            }
        }

        _parishCouncils = demo.ModernGovParishCouncils is { } p ? Read(settings, p) : null;
        _councillorsByWard = demo.ModernGovCouncillorsByWard is { } w ? Read(settings, w) : null;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/mgWebService.asmx/GetParishCouncils", StringComparison.OrdinalIgnoreCase) && _parishCouncils is not null)
        {
            return Task.FromResult(Reply(request, HttpStatusCode.OK, _parishCouncils, "text/xml"));
        }

        if (path.EndsWith("/mgWebService.asmx/GetCouncillorsByWard", StringComparison.OrdinalIgnoreCase) && _councillorsByWard is not null)
        {
            return Task.FromResult(Reply(request, HttpStatusCode.OK, _councillorsByWard, "text/xml"));
        }

        const string Prefix = "/postcodes/";
        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var text = Uri.UnescapeDataString(path[Prefix.Length..]);
            if (!Postcode.TryParse(text, out var postcode))
            {
                return Task.FromResult(Json(request, HttpStatusCode.NotFound, new JsonObject { ["status"] = 404, ["error"] = "Invalid postcode" }));
            }

            return Task.FromResult(_postcodes.TryGetValue(postcode.Value, out var found)
                ? Json(request, HttpStatusCode.OK, new JsonObject { ["status"] = 200, ["result"] = found.DeepClone() })
                : Json(request, HttpStatusCode.NotFound, new JsonObject { ["status"] = 404, ["error"] = "Postcode not found" }));
        }

        return Task.FromResult(Reply(request, HttpStatusCode.NotFound, "Not found", "text/plain"));
    }

    private static string Read(PlaceSettings settings, string file)
    {
        var path = settings.PathOf(file);
        return File.Exists(path) ? File.ReadAllText(path) : throw new PlaceSettingsException($"demo: the file '{path}' does not exist.");
    }

    private static HttpResponseMessage Json(HttpRequestMessage request, HttpStatusCode status, JsonObject body) =>
        Reply(request, status, body.ToJsonString(), "application/json");

    private static HttpResponseMessage Reply(HttpRequestMessage request, HttpStatusCode status, string body, string mediaType) =>
        new(status) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, mediaType) };
}
