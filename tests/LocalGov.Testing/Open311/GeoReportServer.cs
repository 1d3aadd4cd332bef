using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Testing.Open311;

/// <summary>A service the <see cref="GeoReportServer"/> offers.</summary>
public sealed record GeoReportService(string Code, string Name, string Type = "realtime", string? Group = null, string? Keywords = null, string? Description = null)
{
    /// <summary>The attributes of its definition; a service with any has <c>metadata</c> true.</summary>
    public IReadOnlyList<GeoReportAttributeSpec> Attributes { get; init; } = [];
}

/// <summary>An attribute of a service definition.</summary>
public sealed record GeoReportAttributeSpec(string Code, string Datatype, bool Required, string Description, int Order, IReadOnlyList<(string Key, string Name)>? Values = null);

/// <summary>A request the server holds (made by a POST, or seeded).</summary>
public sealed record GeoReportRequest(string Id, string ServiceCode, string Status, DateTimeOffset Requested)
{
    public IReadOnlyList<KeyValuePair<string, string>> Form { get; init; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string? Token { get; init; }

    public string? Field(string name) => Form.FirstOrDefault(f => f.Key == name).Value;
}

/// <summary>One request the server received: method, path with query, and the form fields in order (POST).</summary>
public sealed record GeoReportCall(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Form);

/// <summary>
/// A loopback Open311 GeoReport v2 server written from the spec: <c>services</c>, <c>services/{code}</c>,
/// <c>POST requests</c> (checks the key, the service, the location and the attributes), <c>tokens/{token}</c>,
/// <c>requests</c> (filters) and <c>requests/{id}</c>, each in <c>.json</c> and <c>.xml</c>, with the spec's error bodies.
/// Faults (statuses, delays, HTML pages, dropped connections) are queued for the next calls.
/// </summary>
public sealed class GeoReportServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<string, GeoReportService> _services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GeoReportRequest> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _tokenLookups = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _faults = new();
    private readonly ConcurrentQueue<GeoReportCall> _calls = new();
    private int _nextId = 1000;

    private GeoReportServer(LoopbackServer server) => _server = server;

    /// <summary>The endpoint base, e.g. <c>http://127.0.0.1:port/open311/v2/</c>.</summary>
    public Uri BaseAddress => new(_server.BaseAddress, "open311/v2/");

    /// <summary>The key POST requests must carry; null accepts any (or none).</summary>
    public string? ApiKey { get; set; } = "test-key";

    /// <summary>When set, every call must carry this <c>jurisdiction_id</c> (400 without, 404 for another).</summary>
    public string? Jurisdiction { get; set; }

    /// <summary>Token lookups answered without an id before the id is given (batch services).</summary>
    public int TokenLookupsBeforeId { get; set; }

    public IReadOnlyList<GeoReportCall> Calls => [.. _calls];

    public IReadOnlyCollection<GeoReportRequest> Requests => [.. _requests.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];

    public static async Task<GeoReportServer> StartAsync(IEnumerable<GeoReportService> services, CancellationToken cancellationToken = default)
    {
        GeoReportServer? self = null;
        var server = await LoopbackServer.StartAsync(context => self!.HandleAsync(context), cancellationToken).ConfigureAwait(false);
        self = new GeoReportServer(server);
        foreach (var service in services)
        {
            self._services[service.Code] = service;
        }

        return self;
    }

    /// <summary>A speeding service (realtime) with a required single-value list, an optional multi-value list and a string; and a batch one.</summary>
    public static IReadOnlyList<GeoReportService> SampleServices() =>
    [
        new GeoReportService("SPEED", "Speeding vehicles", "realtime", "Roads", "speeding, traffic", "Vehicles going too fast.")
        {
            Attributes =
            [
                new GeoReportAttributeSpec("road_type", "singlevaluelist", true, "What kind of road?", 1, [("residential", "Residential street"), ("main", "Main road"), ("rural", "Rural lane")]),
                new GeoReportAttributeSpec("days", "multivaluelist", false, "Which days?", 2, [("mon", "Monday"), ("tue", "Tuesday"), ("wed", "Wednesday"), ("thu", "Thursday"), ("fri", "Friday"), ("sat", "Saturday"), ("sun", "Sunday")]),
                new GeoReportAttributeSpec("road_name", "string", false, "Name of the road", 3),
                new GeoReportAttributeSpec("speed", "number", false, "Estimated speed (mph)", 4),
            ],
        },
        new GeoReportService("POTHOLE", "Pothole", "batch", "Roads", "pothole, road surface", "A hole in the road."),
    ];

    /// <summary>Adds a request as if made earlier (for GET requests).</summary>
    public GeoReportRequest Seed(string serviceCode, string status, DateTimeOffset requested, string? description = null)
    {
        var id = NextId();
        var request = new GeoReportRequest(id, serviceCode, status, requested) { Form = description is null ? [] : [new("description", description)] };
        _requests[id] = request;
        return request;
    }

    /// <summary>The next <paramref name="count"/> calls get <paramref name="status"/> with the spec's error body.</summary>
    public void FailNext(int count, int status, string description = "Service temporarily unavailable")
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(c => WriteErrorsAsync(c, status, [description]));
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> calls get <paramref name="status"/> (429 unless told) with the spec's error body and
    /// <c>Retry-After: <paramref name="retryAfter"/></c>, sent as given (seconds, an HTTP date, or anything malformed).
    /// </summary>
    public void RetryAfterNext(int count, string retryAfter, int status = 429, string description = "Too many requests")
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(c =>
            {
                // Added without validation, so a malformed value reaches the client as a server would send it.
                c.Response.Headers.Append("Retry-After", retryAfter);
                return WriteErrorsAsync(c, status, [description]);
            });
        }
    }

    /// <summary>The next <paramref name="count"/> calls wait <paramref name="delay"/> before being handled normally.</summary>
    public void DelayNext(int count, TimeSpan delay)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(async c =>
            {
                await Task.Delay(delay, c.RequestAborted).ConfigureAwait(false);
                await HandleNormallyAsync(c).ConfigureAwait(false);
            });
        }
    }

    /// <summary>The next call gets a login page with 200, as a portal in front of an endpoint would answer.</summary>
    public void HtmlNext(int status = 200) =>
        _faults.Enqueue(async c =>
        {
            c.Response.StatusCode = status;
            c.Response.ContentType = "text/html; charset=utf-8";
            await c.Response.WriteAsync("<!DOCTYPE html><html><head><title>Sign in to the council portal</title></head><body><form>…</form></body></html>", c.RequestAborted).ConfigureAwait(false);
        });

    /// <summary>The next call is answered by <paramref name="handler"/> instead.</summary>
    public void Next(Func<HttpContext, Task> handler) => _faults.Enqueue(handler);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private async Task HandleAsync(HttpContext context)
    {
        IReadOnlyList<KeyValuePair<string, string>> form = [];
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            var read = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            form = ReadFormInOrder(read);
        }

        context.Items["form"] = form;
        _calls.Enqueue(new GeoReportCall(context.Request.Method, context.Request.Path + context.Request.QueryString, form));
        if (_faults.TryDequeue(out var fault))
        {
            await fault(context).ConfigureAwait(false);
            return;
        }

        await HandleNormallyAsync(context).ConfigureAwait(false);
    }

    private async Task HandleNormallyAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        const string prefix = "/open311/v2/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var resource = path[prefix.Length..];
        var dot = resource.LastIndexOf('.');
        var format = dot < 0 ? "" : resource[(dot + 1)..];
        if (format is not ("json" or "xml"))
        {
            context.Items["format"] = "xml";
            await WriteErrorsAsync(context, 400, ["Format must be json or xml"]).ConfigureAwait(false);
            return;
        }

        context.Items["format"] = format;
        var parts = resource[..dot].Split('/');
        var form = (IReadOnlyList<KeyValuePair<string, string>>)context.Items["form"]!;
        var jurisdiction = HttpMethods.IsPost(context.Request.Method) ? form.FirstOrDefault(f => f.Key == "jurisdiction_id").Value : context.Request.Query["jurisdiction_id"].ToString();
        if (Jurisdiction is not null && string.IsNullOrEmpty(jurisdiction))
        {
            await WriteErrorsAsync(context, 400, ["jurisdiction_id was not provided"]).ConfigureAwait(false);
            return;
        }

        if (Jurisdiction is not null && jurisdiction != Jurisdiction)
        {
            await WriteErrorsAsync(context, 404, [$"jurisdiction_id '{jurisdiction}' not found"]).ConfigureAwait(false);
            return;
        }

        var get = HttpMethods.IsGet(context.Request.Method);
        switch (parts)
        {
            case ["services"] when get:
                await WriteAsync(context, 200, ServicesBody(format)).ConfigureAwait(false);
                break;
            case ["services", var code] when get:
                if (_services.TryGetValue(Uri.UnescapeDataString(code), out var service))
                {
                    await WriteAsync(context, 200, DefinitionBody(format, service)).ConfigureAwait(false);
                }
                else
                {
                    await WriteErrorsAsync(context, 404, [$"service_code '{Uri.UnescapeDataString(code)}' not found"]).ConfigureAwait(false);
                }

                break;
            case ["requests"] when HttpMethods.IsPost(context.Request.Method):
                await PostAsync(context, form).ConfigureAwait(false);
                break;
            case ["tokens", var token] when get:
                await TokenAsync(context, Uri.UnescapeDataString(token)).ConfigureAwait(false);
                break;
            case ["requests"] when get:
                await WriteAsync(context, 200, RequestsBody(format, Filter(context.Request.Query))).ConfigureAwait(false);
                break;
            case ["requests", var id] when get:
                if (_requests.TryGetValue(Uri.UnescapeDataString(id), out var request))
                {
                    await WriteAsync(context, 200, RequestsBody(format, [request])).ConfigureAwait(false);
                }
                else
                {
                    await WriteErrorsAsync(context, 404, [$"service_request_id '{Uri.UnescapeDataString(id)}' not found"]).ConfigureAwait(false);
                }

                break;
            default:
                await WriteErrorsAsync(context, 404, [$"No such resource: {context.Request.Method} {path}"]).ConfigureAwait(false);
                break;
        }
    }

    private async Task PostAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        string? Field(string name) => form.FirstOrDefault(f => f.Key == name).Value is { Length: > 0 } v ? v : null;
        if (ApiKey is not null && Field("api_key") != ApiKey)
        {
            await WriteErrorsAsync(context, 403, [Field("api_key") is null ? "api_key was not provided" : "Invalid api_key"]).ConfigureAwait(false);
            return;
        }

        if (Field("service_code") is not { } code)
        {
            await WriteErrorsAsync(context, 400, ["service_code was not provided"]).ConfigureAwait(false);
            return;
        }

        if (!_services.TryGetValue(code, out var service))
        {
            await WriteErrorsAsync(context, 404, [$"service_code '{code}' not found"]).ConfigureAwait(false);
            return;
        }

        var problems = new List<string>();
        var hasLatLong = Field("lat") is not null && Field("long") is not null;
        if (!hasLatLong && Field("address_string") is null && Field("address_id") is null)
        {
            problems.Add("A location is required: lat and long, address_string or address_id");
        }

        if (hasLatLong && (!double.TryParse(Field("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out _) || !double.TryParse(Field("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            problems.Add("lat and long must be numbers");
        }

        if (Field("description") is { Length: > 4000 })
        {
            problems.Add("description is longer than 4000 characters");
        }

        var attributes = ReadAttributes(form);
        foreach (var attribute in service.Attributes)
        {
            var values = attributes.GetValueOrDefault(attribute.Code) ?? [];
            if (attribute.Required && values.Count == 0)
            {
                problems.Add($"Attribute {attribute.Code} is required");
            }

            if (attribute.Values is { } allowed)
            {
                foreach (var value in values.Where(v => !allowed.Any(a => a.Key == v)))
                {
                    problems.Add($"Attribute {attribute.Code}: '{value}' is not a valid value");
                }
            }
        }

        if (problems.Count > 0)
        {
            await WriteErrorsAsync(context, 400, problems).ConfigureAwait(false);
            return;
        }

        var id = NextId();
        var token = service.Type == "batch" ? "tok-" + id : null;
        _requests[id] = new GeoReportRequest(id, code, "open", DateTimeOffset.UtcNow) { Form = form, Attributes = attributes, Token = token };
        var format = (string)context.Items["format"]!;
        var fields = token is null
            ? new List<(string, string?)> { ("service_request_id", id), ("service_notice", "We aim to respond within 10 working days."), ("account_id", null) }
            : [("token", token), ("service_notice", "Queued for the case system.")];
        await WriteAsync(context, 200, Items(format, "service_requests", "request", [fields])).ConfigureAwait(false);
    }

    private async Task TokenAsync(HttpContext context, string token)
    {
        var request = _requests.Values.FirstOrDefault(r => r.Token == token);
        if (request is null)
        {
            await WriteErrorsAsync(context, 404, [$"token '{token}' not found"]).ConfigureAwait(false);
            return;
        }

        var lookups = _tokenLookups.AddOrUpdate(token, 1, (_, n) => n + 1);
        var fields = lookups <= TokenLookupsBeforeId
            ? new List<(string, string?)> { ("token", token) }
            : [("service_request_id", request.Id), ("token", token)];
        await WriteAsync(context, 200, Items((string)context.Items["format"]!, "service_requests", "request", [fields])).ConfigureAwait(false);
    }

    private List<GeoReportRequest> Filter(IQueryCollection query)
    {
        static string[] List(string? value) => value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var ids = List(query["service_request_id"]);
        if (ids.Length > 0)
        {
            return [.. ids.Select(id => _requests.GetValueOrDefault(id)).OfType<GeoReportRequest>()];
        }

        var codes = List(query["service_code"]);
        var statuses = List(query["status"]);
        DateTimeOffset? start = DateTimeOffset.TryParse(query["start_date"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : null;
        DateTimeOffset? end = DateTimeOffset.TryParse(query["end_date"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) ? e : null;
        return [.. _requests.Values
            .Where(r => codes.Length == 0 || codes.Contains(r.ServiceCode))
            .Where(r => statuses.Length == 0 || statuses.Contains(r.Status))
            .Where(r => start is null || r.Requested >= start)
            .Where(r => end is null || r.Requested <= end)
            .OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAttributes(IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            if (!key.StartsWith("attribute[", StringComparison.Ordinal))
            {
                continue;
            }

            // attribute[CODE] and attribute[CODE][] both name CODE.
            var code = key["attribute[".Length..].Replace("[]", "", StringComparison.Ordinal).TrimEnd(']');
            if (!result.TryGetValue(code, out var list))
            {
                result[code] = list = [];
            }

            list.Add(value);
        }

        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    private static List<KeyValuePair<string, string>> ReadFormInOrder(IFormCollection form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in form)
        {
            foreach (var value in values)
            {
                fields.Add(new(key, value ?? ""));
            }
        }

        return fields;
    }

    private string ServicesBody(string format) => Items(format, "services", "service", [.. _services.Values.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new List<(string, string?)>
    {
        ("service_code", s.Code),
        ("service_name", s.Name),
        ("description", s.Description),
        ("metadata", s.Attributes.Count > 0 ? "true" : "false"),
        ("type", s.Type),
        ("keywords", s.Keywords),
        ("group", s.Group),
    })]);

    private static string RequestsBody(string format, IEnumerable<GeoReportRequest> requests) => Items(format, "service_requests", "request", [.. requests.Select(r => new List<(string, string?)>
    {
        ("service_request_id", r.Id),
        ("status", r.Status),
        ("status_notes", null),
        ("service_name", r.ServiceCode),
        ("service_code", r.ServiceCode),
        ("description", r.Field("description")),
        ("agency_responsible", "Loopback District Council"),
        ("service_notice", null),
        ("requested_datetime", r.Requested.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
        ("updated_datetime", r.Requested.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
        ("expected_datetime", null),
        ("address", r.Field("address_string")),
        ("address_id", r.Field("address_id")),
        ("zipcode", null),
        ("lat", r.Field("lat")),
        ("long", r.Field("long")),
        ("media_url", r.Field("media_url")),
    })]);

    private static string DefinitionBody(string format, GeoReportService service)
    {
        if (format == "xml")
        {
            var root = new XElement(
                "service_definition",
                new XElement("service_code", service.Code),
                new XElement("attributes", service.Attributes.Select(a => new XElement(
                    "attribute",
                    new XElement("variable", "true"),
                    new XElement("code", a.Code),
                    new XElement("datatype", a.Datatype),
                    new XElement("required", a.Required ? "true" : "false"),
                    new XElement("datatype_description", ""),
                    new XElement("order", a.Order),
                    new XElement("description", a.Description),
                    new XElement("values", (a.Values ?? []).Select(v => new XElement("value", new XElement("key", v.Key), new XElement("name", v.Name))))))));
            return Xml(root);
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("service_code", service.Code);
            json.WriteStartArray("attributes");
            foreach (var a in service.Attributes)
            {
                json.WriteStartObject();
                json.WriteBoolean("variable", true);
                json.WriteString("code", a.Code);
                json.WriteString("datatype", a.Datatype);
                json.WriteBoolean("required", a.Required);
                json.WriteNull("datatype_description");
                json.WriteNumber("order", a.Order);
                json.WriteString("description", a.Description);
                json.WriteStartArray("values");
                foreach (var (key, name) in a.Values ?? [])
                {
                    json.WriteStartObject();
                    json.WriteString("key", key);
                    json.WriteString("name", name);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A list of flat items: a JSON array of objects, or <c>&lt;root&gt;&lt;item&gt;…</c>.</summary>
    private static string Items(string format, string root, string item, IEnumerable<List<(string Name, string? Value)>> items)
    {
        if (format == "xml")
        {
            return Xml(new XElement(root, items.Select(fields => new XElement(item, fields.Select(f => new XElement(f.Name, f.Value ?? ""))))));
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var fields in items)
            {
                json.WriteStartObject();
                foreach (var (name, value) in fields)
                {
                    if (value is null)
                    {
                        json.WriteNull(name);
                    }
                    else if (name is "metadata")
                    {
                        json.WriteBoolean(name, value == "true");
                    }
                    else if (name is "lat" or "long" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        json.WriteNumber(name, number);
                    }
                    else
                    {
                        json.WriteString(name, value);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Xml(XElement root) => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.ToString(SaveOptions.None);

    private static Task WriteErrorsAsync(HttpContext context, int status, IEnumerable<string> descriptions)
    {
        var format = context.Items["format"] as string ?? (context.Request.Path.Value?.EndsWith(".xml", StringComparison.Ordinal) == true ? "xml" : "json");
        var body = Items(format, "errors", "error", descriptions.Select(d => new List<(string, string?)> { ("code", status.ToString(CultureInfo.InvariantCulture)), ("description", d) }));
        return WriteAsync(context, status, body);
    }

    private static Task WriteAsync(HttpContext context, int status, string body)
    {
        var format = context.Items["format"] as string ?? "json";
        context.Response.StatusCode = status;
        context.Response.ContentType = format == "xml" ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
