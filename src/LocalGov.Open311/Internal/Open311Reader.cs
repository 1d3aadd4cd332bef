using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LocalGov.Open311.Internal;

/// <summary>What a body turned out to be, judged from its first characters (servers mislabel content types).</summary>
internal enum BodyKind
{
    Empty,
    Json,
    Xml,
    Html,
    Other,
}

/// <summary>Parses bodies of either format into wire records, and error responses into the typed exceptions.</summary>
internal static partial class Open311Reader
{
    private static readonly Open311JsonContext Json = Open311JsonContext.Default;

    public static BodyKind Sniff(BufferedResponse response)
    {
        var head = Encoding.UTF8.GetString(response.Body, 0, Math.Min(response.Body.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.Length == 0)
        {
            return BodyKind.Empty;
        }

        if (head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (response.MediaType is "text/html" or "application/xhtml+xml" && head[0] == '<' && !head.StartsWith("<?xml", StringComparison.Ordinal)))
        {
            return BodyKind.Html;
        }

        return head[0] switch
        {
            '[' or '{' => BodyKind.Json,
            '<' => BodyKind.Xml,
            _ => BodyKind.Other,
        };
    }

    /// <summary>Reads a list answer (<c>services</c>, <c>service_requests</c>) in whichever format came back.</summary>
    public static List<T> ReadList<T>(string operation, BufferedResponse response, JsonTypeInfo<List<T>> listInfo, JsonTypeInfo<T> itemInfo, Func<XElement, List<T>> xml) =>
        Read(operation, response, element => element.ValueKind switch
        {
            JsonValueKind.Array => element.Deserialize(listInfo) ?? [],
            JsonValueKind.Object when Unwrap(element) is { } inner => inner.Deserialize(listInfo) ?? [],
            JsonValueKind.Object => [element.Deserialize(itemInfo)!],
            _ => throw new JsonException($"Expected a JSON list, not {element.ValueKind}."),
        }, xml);

    public static T Read<T>(string operation, BufferedResponse response, Func<JsonElement, T> json, Func<XElement, T> xml)
    {
        var kind = Sniff(response);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            switch (kind)
            {
                case BodyKind.Json:
                    using (var document = JsonDocument.Parse(response.Body, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }))
                    {
                        return json(document.RootElement);
                    }

                case BodyKind.Xml:
                    return xml(Open311Xml.Load(response.Body));
                case BodyKind.Html:
                    throw Html(operation, response);
                default:
                    throw new Open311InvalidResponseException(operation, response.RequestUri, response.StatusCode, response.MediaType, response.Excerpt,
                        $"Open311 {operation}: the response (HTTP {response.StatusCode}) is {(kind == BodyKind.Empty ? "empty" : "neither JSON nor XML")}. Body starts: {response.Excerpt}");
            }
        }
        catch (Exception ex) when (ex is JsonException or XmlException or InvalidOperationException or NotSupportedException)
        {
            throw new Open311InvalidResponseException(operation, response.RequestUri, response.StatusCode, response.MediaType, response.Excerpt,
                $"Open311 {operation}: the response (HTTP {response.StatusCode}) is not GeoReport v2 {(kind == BodyKind.Xml ? "XML" : "JSON")}: {ex.Message} Body starts: {response.Excerpt}", ex);
        }
        finally
        {
            Open311Telemetry.RecordParse(operation, started);
        }
    }

    /// <summary>The typed exception for an error status, carrying every description of the spec's error body.</summary>
    public static Open311Exception MapError(string operation, BufferedResponse response)
    {
        var errors = ReadErrors(response);
        var status = response.StatusCode;
        var uri = response.RequestUri;
        var excerpt = response.Excerpt;
        return status switch
        {
            400 or 422 => new Open311InvalidRequestException(operation, uri, status, errors, excerpt),
            401 or 403 => new Open311ForbiddenException(operation, uri, status, errors, excerpt),
            404 => new Open311NotFoundException(operation, uri, status, errors, excerpt),
            _ => new Open311ServiceException(operation, uri, status, errors, excerpt, retryAfter: response.RetryAfter),
        };
    }

    public static Open311HtmlResponseException Html(string operation, BufferedResponse response)
    {
        var text = Encoding.UTF8.GetString(response.Body, 0, Math.Min(response.Body.Length, 16 * 1024));
        var title = TitlePattern().Match(text) is { Success: true } m ? WireText.Clean(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)) : null;
        return new Open311HtmlResponseException(operation, response.RequestUri, response.StatusCode, response.MediaType, response.Excerpt, title);
    }

    private static List<Open311Error> ReadErrors(BufferedResponse response)
    {
        List<ErrorWire>? wires = null;
        try
        {
            switch (Sniff(response))
            {
                case BodyKind.Json:
                    using (var document = JsonDocument.Parse(response.Body))
                    {
                        var root = document.RootElement;
                        wires = root.ValueKind switch
                        {
                            JsonValueKind.Array => root.Deserialize(Json.ListErrorWire),
                            JsonValueKind.Object when Unwrap(root) is { } inner => inner.Deserialize(Json.ListErrorWire),
                            JsonValueKind.Object => [root.Deserialize(Json.ErrorWire)!],
                            _ => null,
                        };
                    }

                    break;
                case BodyKind.Xml:
                    wires = Open311Xml.Errors(Open311Xml.Load(response.Body));
                    break;
                case BodyKind.Other when response.MediaType == "text/plain":
                    // Some adapters answer a bare line of text; it is still the server's reason.
                    return [new Open311Error(null, response.Excerpt)];
            }
        }
        catch (Exception ex) when (ex is JsonException or XmlException or InvalidOperationException)
        {
            // Not the spec's error body: the exception keeps the excerpt instead.
        }

        return wires?.Where(w => WireText.Clean(w.Description) is not null).Select(w => new Open311Error(WireText.Clean(w.Code), w.Description!.Trim())).ToList() ?? [];
    }

    /// <summary><c>{"services":[…]}</c>, <c>{"service_requests":[…]}</c>, <c>{"errors":[…]}</c>: the one list inside a wrapper object.</summary>
    private static JsonElement? Unwrap(JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array && property.Name is "services" or "service_requests" or "requests" or "request" or "errors" or "service")
            {
                return property.Value;
            }
        }

        return null;
    }

    [GeneratedRegex("<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TitlePattern();
}
