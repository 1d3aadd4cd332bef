using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LocalGov.Postcodes.Grid;
using LocalGov.Postcodes.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LocalGov.Postcodes.MapIt;

/// <summary>
/// A client for mySociety's MapIt: the areas containing a point or postcode, areas by id or GSS code, their
/// children and covered areas, and their boundaries as NetTopologySuite geometries.
/// </summary>
/// <remarks>
/// Thread-safe. The API key travels in the <c>X-Api-Key</c> header. Every response's quota headers are kept in
/// <see cref="LastQuota"/>. Errors: <see cref="InvalidPostcodeException"/> (400 not valid),
/// <see cref="PostcodeNotFoundException"/> (postcode 404), <see cref="PostcodesNotFoundException"/> (other 404),
/// <see cref="PostcodesRateLimitedException"/> (403/429 rate or usage limit), <see cref="PostcodesServiceException"/>
/// (other errors, with MapIt's <c>error</c> text), <see cref="PostcodesInvalidResponseException"/>, <see cref="PostcodesTransportException"/>.
/// </remarks>
public sealed class MapItClient
{
    /// <summary>The name of the <see cref="HttpClient"/> registered by <c>AddMapItClient</c>.</summary>
    public const string HttpClientName = "LocalGov.Postcodes.MapIt";

    private const string Service = "MapIt";
    private const string ApiKeyHeader = "X-Api-Key";

    private static readonly MapItJsonContext Json = MapItJsonContext.Default;

    private readonly IMapItApi _api;
    private readonly Uri _baseAddress;
    private readonly long _maxResponseBytes;
    private readonly ILogger _logger;
    private MapItQuota? _lastQuota;

    /// <summary>Creates a client over <paramref name="httpClient"/>; its <see cref="HttpClient.BaseAddress"/> is set from the options when empty.</summary>
    /// <param name="httpClient">The HTTP client.</param>
    /// <param name="options">Settings, or null for the public service without a key.</param>
    /// <param name="logger">Where failed calls are logged (event ids 1603–1607; never a postcode or the API key), or null for nowhere.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public MapItClient(HttpClient httpClient, MapItClientOptions? options = null, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(httpClient);
        options ??= new MapItClientOptions();
        MapItClientOptionsValidator.ThrowIfInvalid(options);
        httpClient.BaseAddress ??= ClientPlumbing.EnsureTrailingSlash(options.BaseAddress);
        _baseAddress = httpClient.BaseAddress;
        _maxResponseBytes = options.MaxResponseBytes;
        ClientPlumbing.ApplyUserAgent(httpClient, options.UserAgent);
        if (options.ApiKey is { } key && !httpClient.DefaultRequestHeaders.Contains(ApiKeyHeader))
        {
            httpClient.DefaultRequestHeaders.Add(ApiKeyHeader, key);
        }

        _api = ClientPlumbing.CreateApi<IMapItApi>(httpClient, Json);
    }

    /// <summary>The server this client calls.</summary>
    public Uri BaseAddress => _baseAddress;

    /// <summary>The quota reported by the most recent response that carried <c>X-Quota-*</c> headers, or null.</summary>
    public MapItQuota? LastQuota => Volatile.Read(ref _lastQuota);

    /// <summary>A postcode's position and the areas containing it (<c>/postcode/{postcode}</c>).</summary>
    /// <param name="postcode">The postcode in any spacing or case.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The postcode with its areas and shortcuts.</returns>
    /// <exception cref="InvalidPostcodeException">MapIt says the postcode is not valid (400).</exception>
    /// <exception cref="PostcodeNotFoundException">Valid but unknown, e.g. a new build (404).</exception>
    public Task<MapItPostcode> GetPostcodeAsync(string postcode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(postcode);
        return SendAsync("GetPostcodeAsync", ct => _api.Postcode(postcode.Trim(), ct), Json.MapItPostcode, postcode, cancellationToken);
    }

    /// <summary>The centroid of an outward code or sector (<c>/postcode/partial/{partial}</c>); <see cref="MapItPostcode.Areas"/> is null.</summary>
    /// <param name="partial">An outward code (<c>SW1A</c>) or sector (<c>SW1A 1</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The centroid.</returns>
    public Task<MapItPostcode> GetPartialPostcodeAsync(string partial, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partial);
        return SendAsync("GetPartialPostcodeAsync", ct => _api.PartialPostcode(partial.Trim(), ct), Json.MapItPostcode, partial, cancellationToken);
    }

    /// <summary>The areas containing a WGS84 point (<c>/point/4326/{lon},{lat}</c>).</summary>
    /// <param name="point">The point.</param>
    /// <param name="types">Only these area types (e.g. <c>CPC</c>, <c>DIS</c>), or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Areas by MapIt id; empty when none.</returns>
    /// <exception cref="ArgumentException">The point is NaN, infinite or out of range.</exception>
    public Task<IReadOnlyDictionary<int, MapItArea>> GetAreasForPointAsync(Wgs84Coordinate point, IEnumerable<string>? types = null, CancellationToken cancellationToken = default)
    {
        GridMath.RequireValid(point);
        return PointAsync(4326, point.Longitude, point.Latitude, types, cancellationToken);
    }

    /// <summary>The areas containing a British National Grid point (<c>/point/27700/{e},{n}</c>).</summary>
    /// <param name="point">The point in metres.</param>
    /// <param name="types">Only these area types, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Areas by MapIt id; empty when none.</returns>
    /// <exception cref="ArgumentException">The point is NaN, infinite or outside the grid.</exception>
    public Task<IReadOnlyDictionary<int, MapItArea>> GetAreasForPointAsync(BngCoordinate point, IEnumerable<string>? types = null, CancellationToken cancellationToken = default)
    {
        GridMath.RequireValid(point);
        return PointAsync(27700, point.Easting, point.Northing, types, cancellationToken);
    }

    /// <summary>The postcode nearest a WGS84 point (<c>/nearest/4326/{lon},{lat}</c>), with <see cref="MapItPostcode.Distance"/>.</summary>
    /// <param name="point">The point.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The nearest postcode.</returns>
    /// <exception cref="PostcodesNotFoundException">No postcode near the point.</exception>
    public async Task<MapItPostcode> GetNearestPostcodeAsync(Wgs84Coordinate point, CancellationToken cancellationToken = default)
    {
        GridMath.RequireValid(point);
        var nearest = await SendAsync("GetNearestPostcodeAsync", ct => _api.Nearest(4326, Numbers.Format(point.Longitude), Numbers.Format(point.Latitude), ct), Json.MapItNearest, null, cancellationToken).ConfigureAwait(false);
        return nearest.Postcode ?? throw new PostcodesInvalidResponseException(Service, "GetNearestPostcodeAsync", _baseAddress, 200, null, "MapIt GetNearestPostcodeAsync: the response has no postcode.");
    }

    /// <summary>An area by MapIt id (<c>/area/{id}</c>).</summary>
    /// <param name="areaId">The MapIt id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The area.</returns>
    /// <exception cref="PostcodesNotFoundException">No such area.</exception>
    public Task<MapItArea> GetAreaAsync(int areaId, CancellationToken cancellationToken = default) =>
        SendAsync("GetAreaAsync", ct => _api.Area(areaId, ct), Json.MapItArea, null, cancellationToken);

    /// <summary>An area by GSS code, e.g. <c>E04011842</c> (<c>/code/gss/{code}</c>, which redirects to the area).</summary>
    /// <param name="gssCode">The nine-character GSS code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The area (the current generation's).</returns>
    /// <exception cref="PostcodesNotFoundException">No area has the code.</exception>
    public Task<MapItArea> GetAreaByGssCodeAsync(string gssCode, CancellationToken cancellationToken = default) => GetAreaByCodeAsync("gss", gssCode, cancellationToken);

    /// <summary>An area by any code type MapIt knows (<c>gss</c>, <c>ons</c>, <c>unit_id</c>, <c>osni_oid</c>, …).</summary>
    /// <param name="codeType">The code type.</param>
    /// <param name="code">The code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The area.</returns>
    /// <exception cref="PostcodesNotFoundException">No area has the code.</exception>
    public Task<MapItArea> GetAreaByCodeAsync(string codeType, string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(codeType);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return SendAsync("GetAreaByCodeAsync", ct => _api.AreaByCode(codeType.Trim(), code.Trim(), ct), Json.MapItArea, null, cancellationToken);
    }

    /// <summary>Areas related to an area (<c>/area/{id}/{relation}</c>), optionally of given types.</summary>
    /// <param name="areaId">The MapIt id.</param>
    /// <param name="relation">Children, covers, covered, touches, …</param>
    /// <param name="types">Only these area types, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Areas by MapIt id; empty when none.</returns>
    public Task<IReadOnlyDictionary<int, MapItArea>> GetRelatedAreasAsync(int areaId, MapItAreaRelation relation, IEnumerable<string>? types = null, CancellationToken cancellationToken = default)
    {
        var path = relation switch
        {
            MapItAreaRelation.Children => "children",
            MapItAreaRelation.Covers => "covers",
            MapItAreaRelation.Covered => "covered",
            MapItAreaRelation.Coverlaps => "coverlaps",
            MapItAreaRelation.Touches => "touches",
            MapItAreaRelation.Overlaps => "overlaps",
            MapItAreaRelation.Intersects => "intersects",
            _ => throw new ArgumentOutOfRangeException(nameof(relation), relation, "Unknown relation."),
        };
        var type = JoinTypes(types);
        return SendAsync("GetRelatedAreasAsync", ct => _api.Related(areaId, path, type, ct), Json.AreaMap, null, cancellationToken);
    }

    /// <summary>An area's children (<c>/area/{id}/children</c>), e.g. the wards of a district.</summary>
    /// <param name="areaId">The MapIt id.</param>
    /// <param name="types">Only these area types, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Areas by MapIt id.</returns>
    public Task<IReadOnlyDictionary<int, MapItArea>> GetChildrenAsync(int areaId, IEnumerable<string>? types = null, CancellationToken cancellationToken = default) =>
        GetRelatedAreasAsync(areaId, MapItAreaRelation.Children, types, cancellationToken);

    /// <summary>The areas an area covers (<c>/area/{id}/covers</c>), e.g. <c>types: ["CPC"]</c> for the parishes in a district.</summary>
    /// <param name="areaId">The MapIt id.</param>
    /// <param name="types">Only these area types, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Areas by MapIt id.</returns>
    public Task<IReadOnlyDictionary<int, MapItArea>> GetCoveredAreasAsync(int areaId, IEnumerable<string>? types = null, CancellationToken cancellationToken = default) =>
        GetRelatedAreasAsync(areaId, MapItAreaRelation.Covers, types, cancellationToken);

    /// <summary>All areas of the given types (<c>/areas/{TYPE,TYPE}</c>).</summary>
    /// <param name="types">One or more area types.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Areas by MapIt id.</returns>
    public Task<IReadOnlyDictionary<int, MapItArea>> GetAreasByTypeAsync(IEnumerable<string> types, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(types);
        var joined = JoinTypes(types) ?? throw new ArgumentException("At least one area type is needed.", nameof(types));
        return SendAsync("GetAreasByTypeAsync", ct => _api.AreasByType(joined, ct), Json.AreaMap, null, cancellationToken);
    }

    /// <summary>An area's extent, centre and size (<c>/area/{id}/geometry</c>).</summary>
    /// <param name="areaId">The MapIt id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="PostcodesNotFoundException">No such area, or it has no polygons.</exception>
    public Task<MapItGeometryInfo> GetGeometryInfoAsync(int areaId, CancellationToken cancellationToken = default) =>
        SendAsync("GetGeometryInfoAsync", ct => _api.GeometryInfo(areaId, ct), Json.MapItGeometryInfo, null, cancellationToken);

    /// <summary>An area's boundary (<c>/area/{srid}/{id}.geojson</c>) as a NetTopologySuite geometry with its SRID set.</summary>
    /// <param name="areaId">The MapIt id.</param>
    /// <param name="srid">4326 (WGS84, the default) or 27700 (British National Grid, to stay in metres).</param>
    /// <param name="simplifyTolerance">MapIt's <c>simplify_tolerance</c> in the SRID's units, or null for full detail.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The polygon or multipolygon.</returns>
    /// <exception cref="PostcodesNotFoundException">No such area, or it has no polygons.</exception>
    public async Task<Geometry> GetGeometryAsync(int areaId, int srid = 4326, double? simplifyTolerance = null, CancellationToken cancellationToken = default)
    {
        if (srid <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(srid), srid, "An EPSG code such as 4326 or 27700 is needed.");
        }

        if (simplifyTolerance is { } t && (!double.IsFinite(t) || t < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(simplifyTolerance), simplifyTolerance, "The tolerance must be a finite number of at least 0.");
        }

        const string operation = "GetGeometryAsync";
        var tolerance = simplifyTolerance is { } tol ? Numbers.Format(tol) : null;
        var response = await SendRawAsync(operation, ct => _api.GeoJson(srid, areaId, tolerance, ct), null, cancellationToken).ConfigureAwait(false);
        try
        {
            var factory = NtsGeometryServices.Instance.CreateGeometryFactory(srid);
            var options = new JsonSerializerOptions();
            var converter = (JsonConverter<Geometry>)new GeoJsonConverterFactory(factory).CreateConverter(typeof(Geometry), options)!;
            var reader = new Utf8JsonReader(response.Body);
            if (!reader.Read())
            {
                throw new JsonException("The body is empty.");
            }

            var geometry = converter.Read(ref reader, typeof(Geometry), options)
                ?? throw new JsonException("The body is JSON null, not a GeoJSON geometry.");
            geometry.SRID = srid;
            if (RemotePositions.GeometryProblem(geometry, srid) is { } problem)
            {
                throw new PostcodesInvalidResponseException(Service, operation, response.RequestUri, response.StatusCode, response.Excerpt, $"MapIt {operation}: the boundary of area {areaId} is unusable: {problem}.");
            }

            return geometry;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new PostcodesInvalidResponseException(Service, operation, response.RequestUri, response.StatusCode, response.Excerpt, $"MapIt {operation}: the body is not a GeoJSON geometry: {ex.Message}", ex);
        }
    }

    /// <summary>The key's usage (<c>/quota</c>, not itself counted), from the response headers or body.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quota, or null when the server reports none.</returns>
    public async Task<MapItQuota?> GetQuotaAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendRawAsync("GetQuotaAsync", _api.Quota, null, cancellationToken).ConfigureAwait(false);
        if (ReadQuota(response) is { } fromHeaders)
        {
            return fromHeaders;
        }

        try
        {
            var body = JsonSerializer.Deserialize(response.Body, Json.MapItQuotaBody);
            return body?.Quota is { Current: { } current } figures ? new MapItQuota(current, figures.Limit ?? 0) : null;
        }
        catch (JsonException ex)
        {
            throw new PostcodesInvalidResponseException(Service, "GetQuotaAsync", response.RequestUri, response.StatusCode, response.Excerpt, $"MapIt GetQuotaAsync: unreadable quota: {ex.Message}", ex);
        }
    }

    private Task<IReadOnlyDictionary<int, MapItArea>> PointAsync(int srid, double x, double y, IEnumerable<string>? types, CancellationToken cancellationToken)
    {
        var type = JoinTypes(types);
        return SendAsync("GetAreasForPointAsync", ct => _api.Point(srid, Numbers.Format(x), Numbers.Format(y), type, null, ct), Json.AreaMap, null, cancellationToken);
    }

    private async Task<T> SendAsync<T>(string operation, Func<CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<T> typeInfo, string? postcode, CancellationToken cancellationToken)
    {
        var response = await SendRawAsync(operation, send, postcode, cancellationToken).ConfigureAwait(false);
        var value = HttpCall.Deserialize(Service, operation, response, typeInfo);
        CheckPositions(operation, response, value);
        return value;
    }

    /// <summary>
    /// Refuses an answer placing a postcode or area outside WGS84 (latitude 999, say) or the grid (an easting of 1e300), or
    /// giving a negative or non-finite distance. Absent positions are allowed: MapIt sends none for a postcode without one.
    /// </summary>
    private static void CheckPositions(string operation, BufferedResponse response, object? value)
    {
        var problem = value switch
        {
            MapItNearest n => Postcode(n.Postcode),
            MapItPostcode p => Postcode(p),
            MapItGeometryInfo g => Geometry(g),
            _ => null,
        };
        if (problem is not null)
        {
            throw new PostcodesInvalidResponseException(Service, operation, response.RequestUri, response.StatusCode, response.Excerpt, $"MapIt {operation}: the answer places {problem}.");
        }

        static string? Postcode(MapItPostcode? p)
        {
            if (p is null)
            {
                return null;
            }

            var name = string.IsNullOrEmpty(p.Postcode) ? "the postcode" : p.Postcode;
            if (RemotePositions.Problem(p.Wgs84Longitude, p.Wgs84Latitude, p.Easting, p.Northing) is { } why)
            {
                return $"{name} at {why}";
            }

            return p.Distance is { } d && (!double.IsFinite(d) || d < 0)
                ? string.Create(CultureInfo.InvariantCulture, $"{name} at a distance of {d} m, which is not a distance")
                : null;
        }

        static string? Geometry(MapItGeometryInfo g)
        {
            // The _e/_n values are grid metres only in 27700 (MapIt's own SRID in Great Britain); any other SRID just needs finite values.
            var gridded = g.SridEn is null or 27700;
            var problem = RemotePositions.Problem(g.CentreLongitude, g.CentreLatitude)
                ?? RemotePositions.Problem(g.MinLongitude, g.MinLatitude)
                ?? RemotePositions.Problem(g.MaxLongitude, g.MaxLatitude)
                ?? (gridded
                    ? RemotePositions.Problem(null, null, g.CentreEasting, g.CentreNorthing)
                        ?? RemotePositions.Problem(null, null, g.MinEasting, g.MinNorthing)
                        ?? RemotePositions.Problem(null, null, g.MaxEasting, g.MaxNorthing)
                    : new[] { g.CentreEasting, g.CentreNorthing, g.MinEasting, g.MinNorthing, g.MaxEasting, g.MaxNorthing }.Any(v => v is { } x && !double.IsFinite(x))
                        ? "a corner or centre that is not a finite number"
                        : null);
            return problem is null
                ? g.Area is { } a && (!double.IsFinite(a) || a < 0) ? string.Create(CultureInfo.InvariantCulture, $"an area of {a} m², which is not an area") : null
                : $"the area's extent or centre at {problem}";
        }
    }

    private Task<BufferedResponse> SendRawAsync(string operation, Func<CancellationToken, Task<HttpResponseMessage>> send, string? postcode, CancellationToken cancellationToken) =>
        PostcodesTelemetry.TraceAsync(Service, operation, _baseAddress, _logger, () => SendRawCoreAsync(operation, send, postcode, cancellationToken));

    private async Task<BufferedResponse> SendRawCoreAsync(string operation, Func<CancellationToken, Task<HttpResponseMessage>> send, string? postcode, CancellationToken cancellationToken)
    {
        var response = await HttpCall.SendAsync(Service, operation, _baseAddress, send, _maxResponseBytes, cancellationToken).ConfigureAwait(false);
        var quota = ReadQuota(response);
        if (quota is not null)
        {
            Volatile.Write(ref _lastQuota, quota);
        }

        if (!response.IsSuccess)
        {
            throw MapError(operation, response, postcode, quota);
        }

        return response;
    }

    internal static PostcodesServiceException MapError(string operation, BufferedResponse response, string? postcode, MapItQuota? quota)
    {
        string? message = null;
        try
        {
            message = JsonSerializer.Deserialize(response.Body, Json.MapItError)?.Error;
        }
        catch (JsonException)
        {
            // The in-app rate limiter answers text/plain; a short plain body is the server's message.
            if (response.MediaType == "text/plain")
            {
                message = response.Excerpt.Trim();
            }
        }

        var status = response.StatusCode;
        var uri = response.RequestUri;
        var excerpt = response.Excerpt;
        var limited = status == 429
            || (status == 403 && message is not null && (message.Contains("limit", StringComparison.OrdinalIgnoreCase) || message.Contains("quota", StringComparison.OrdinalIgnoreCase)))
            || (message is not null && message.Contains("Usage limit reached", StringComparison.OrdinalIgnoreCase));
        if (limited)
        {
            return new PostcodesRateLimitedException(Service, operation, uri, status, message, excerpt, HttpCall.RetryAfter(response), quota);
        }

        if (postcode is not null && status == 400 && message is not null && message.Contains("is not valid", StringComparison.OrdinalIgnoreCase))
        {
            return new InvalidPostcodeException(Service, operation, uri, status, message, excerpt, postcode);
        }

        if (status == 404)
        {
            return postcode is not null
                ? new PostcodeNotFoundException(Service, operation, uri, status, message, excerpt, postcode, null)
                : new PostcodesNotFoundException(Service, operation, uri, status, message, excerpt);
        }

        return new PostcodesServiceException(Service, operation, uri, status, message, excerpt);
    }

    private static MapItQuota? ReadQuota(BufferedResponse response)
    {
        static long? Header(BufferedResponse r, string name) =>
            r.Headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        var current = Header(response, "X-Quota-Current");
        return current is null ? null : new MapItQuota(current.Value, Header(response, "X-Quota-Limit") ?? 0);
    }

    private static string? JoinTypes(IEnumerable<string>? types)
    {
        if (types is null)
        {
            return null;
        }

        var list = types.Select(t => t?.Trim().ToUpperInvariant() ?? string.Empty).ToList();
        if (list.Count == 0)
        {
            return null;
        }

        if (list.Exists(t => t.Length == 0 || !t.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException("Area types are short codes of letters and digits, e.g. CPC, DIS, UTA.", nameof(types));
        }

        return string.Join(',', list);
    }
}
