using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LocalGov.Postcodes.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>
/// A client for postcodes.io (v18): postcode lookup and bulk lookup, reverse geocoding, nearest, validation,
/// autocomplete, search, random, outcodes, terminated and Scottish postcodes, and places.
/// </summary>
/// <remarks>
/// Thread-safe; register it with <c>services.AddPostcodesIoClient()</c> or construct it over an <see cref="HttpClient"/>.
/// Errors: <see cref="InvalidPostcodeException"/> (the server rejects the format), <see cref="PostcodeNotFoundException"/>
/// (well formed but unknown; carries the termination details when the server sends them),
/// <see cref="PostcodesNotFoundException"/> (outcode, place, …), <see cref="PostcodesRateLimitedException"/> (429),
/// <see cref="PostcodesServiceException"/> (any other error status), <see cref="PostcodesInvalidResponseException"/>
/// (unreadable body) and <see cref="PostcodesTransportException"/> (no response).
/// </remarks>
public sealed class PostcodesIoClient
{
    /// <summary>The name of the <see cref="HttpClient"/> registered by <c>AddPostcodesIoClient</c>.</summary>
    public const string HttpClientName = "LocalGov.Postcodes.PostcodesIo";

    private const string Service = "postcodes.io";

    private static readonly PostcodesIoJsonContext Json = PostcodesIoJsonContext.Default;

    private readonly IPostcodesIoApi _api;
    private readonly PostcodesIoClientOptions _options;
    private readonly Uri _baseAddress;
    private readonly ILogger _logger;

    /// <summary>Creates a client over <paramref name="httpClient"/>; its <see cref="HttpClient.BaseAddress"/> is set from the options when empty.</summary>
    /// <param name="httpClient">The HTTP client (its handlers, proxy and timeout are used as they are).</param>
    /// <param name="options">Settings, or null for the public service with default limits.</param>
    /// <param name="logger">Where failed calls are logged (event ids 1603–1607; never a postcode), or null for nowhere.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public PostcodesIoClient(HttpClient httpClient, PostcodesIoClientOptions? options = null, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = options ?? new PostcodesIoClientOptions();
        PostcodesIoClientOptionsValidator.ThrowIfInvalid(_options);
        httpClient.BaseAddress ??= ClientPlumbing.EnsureTrailingSlash(_options.BaseAddress);
        _baseAddress = httpClient.BaseAddress;
        ClientPlumbing.ApplyUserAgent(httpClient, _options.UserAgent);
        _api = ClientPlumbing.CreateApi<IPostcodesIoApi>(httpClient, Json);
    }

    /// <summary>The server this client calls.</summary>
    public Uri BaseAddress => _baseAddress;

    /// <summary>Looks up one postcode (<c>GET /postcodes/{postcode}</c>).</summary>
    /// <param name="postcode">The postcode in any spacing or case.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The postcode and its areas.</returns>
    /// <exception cref="InvalidPostcodeException">The server says the text is not a postcode.</exception>
    /// <exception cref="PostcodeNotFoundException">Well formed but unknown; <see cref="PostcodeNotFoundException.Terminated"/> is set for terminated postcodes.</exception>
    public Task<PostcodeResult> LookupAsync(string postcode, CancellationToken cancellationToken = default)
    {
        Numbers.RequireIdentifier(postcode, nameof(postcode));
        return RequireAsync("LookupAsync", ct => _api.Lookup(postcode.Trim(), ct), Json.PostcodeEnvelope, postcode, cancellationToken);
    }

    /// <summary>Looks up one postcode (<c>GET /postcodes/{postcode}</c>).</summary>
    /// <param name="postcode">The postcode.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The postcode and its areas.</returns>
    /// <exception cref="PostcodeNotFoundException">The server does not know the postcode.</exception>
    public Task<PostcodeResult> LookupAsync(Postcode postcode, CancellationToken cancellationToken = default)
    {
        if (postcode.IsEmpty)
        {
            throw new ArgumentException("The postcode is empty (default).", nameof(postcode));
        }

        return LookupAsync(postcode.Value, cancellationToken);
    }

    /// <summary>
    /// Looks up any number of postcodes through the bulk endpoint: chunks of up to 100 sent with bounded concurrency,
    /// results streamed in input order (one per input). The server answers null alike for unknown and malformed
    /// postcodes; the result tells them apart (<see cref="PostcodeLookupOutcome.NotFound"/> vs
    /// <see cref="PostcodeLookupOutcome.InvalidPostcode"/>) with the same format check postcodes.io applies.
    /// </summary>
    /// <param name="postcodes">The inputs; read lazily, so they may be a file of any length.</param>
    /// <param name="fields">Optional postcodes.io <c>filter</c> (only these fields returned), e.g. <c>postcode</c>, <c>codes</c>.</param>
    /// <param name="cancellationToken">Cancels the remaining requests; nothing is reported for a chunk whose response had not arrived.</param>
    /// <returns>One result per input, in order.</returns>
    public IAsyncEnumerable<PostcodeLookupResult> LookupManyAsync(IEnumerable<string> postcodes, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(postcodes);
        return LookupManyAsync(BulkStreamer.ToAsync(postcodes, CancellationToken.None), fields, cancellationToken);
    }

    /// <inheritdoc cref="LookupManyAsync(IEnumerable{string}, IEnumerable{string}?, CancellationToken)"/>
    public IAsyncEnumerable<PostcodeLookupResult> LookupManyAsync(IAsyncEnumerable<string> postcodes, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(postcodes);
        var filter = BuildFilter(fields);
        return BulkStreamer.StreamAsync<string, PostcodeLookupResult>(
            postcodes, _options.BulkChunkSize, _options.MaxConcurrentBulkRequests, (chunk, ct) => LookupChunkAsync(chunk, filter, ct), cancellationToken);
    }

    /// <summary>Postcodes nearest a point (<c>GET /postcodes?lon=&amp;lat=</c> or another route form), each with its distance.</summary>
    /// <param name="longitude">WGS84 longitude.</param>
    /// <param name="latitude">WGS84 latitude.</param>
    /// <param name="options">Limit, radius, wide search and route form, or null for the server's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Postcodes nearest first; empty when none lies within the radius.</returns>
    /// <exception cref="ArgumentException">A coordinate is not a finite number.</exception>
    /// <exception cref="PostcodesServiceException">The server rejected the point or the limits (400).</exception>
    public async Task<IReadOnlyList<PostcodeResult>> ReverseGeocodeAsync(double longitude, double latitude, NearbySearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var lon = Numbers.Format(Numbers.RequireLongitude(longitude, nameof(longitude)));
        var lat = Numbers.Format(Numbers.RequireLatitude(latitude, nameof(latitude)));
        options ??= new NearbySearchOptions();
        var limit = Numbers.Format(options.Limit);
        var radius = Numbers.Format(options.Radius);
        var wide = Numbers.Format(options.WideSearch);
        Func<CancellationToken, Task<HttpResponseMessage>> send = options.Route switch
        {
            ReverseGeocodeRoute.LongitudeLatitudeQuery => ct => _api.ReverseLongitudeLatitude(lon, lat, limit, radius, wide, ct),
            ReverseGeocodeRoute.LonLatPath => ct => _api.ReverseLonLatPath(lon, lat, limit, radius, wide, ct),
            ReverseGeocodeRoute.LatLonPath => ct => _api.ReverseLatLonPath(lat, lon, limit, radius, wide, ct),
            _ => ct => _api.ReverseLonLat(lon, lat, limit, radius, wide, ct),
        };
        return await GetAsync("ReverseGeocodeAsync", send, Json.PostcodeListEnvelope, null, cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <summary>Reverse geocodes any number of points through the bulk endpoint (chunks of up to 100), streamed in input order.</summary>
    /// <param name="points">The points, each with optional limits of its own.</param>
    /// <param name="defaults">Limit, radius and wide search for points that set none (sent as <c>?limit=&amp;radius=&amp;widesearch=</c>), or null.</param>
    /// <param name="fields">Optional postcodes.io <c>filter</c> applied to the returned postcodes.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>One result per point, in order.</returns>
    public IAsyncEnumerable<ReverseGeocodeResult> ReverseGeocodeManyAsync(IEnumerable<ReverseGeocodeQuery> points, NearbySearchOptions? defaults = null, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        return ReverseGeocodeManyAsync(BulkStreamer.ToAsync(points, CancellationToken.None), defaults, fields, cancellationToken);
    }

    /// <inheritdoc cref="ReverseGeocodeManyAsync(IEnumerable{ReverseGeocodeQuery}, NearbySearchOptions?, IEnumerable{string}?, CancellationToken)"/>
    public IAsyncEnumerable<ReverseGeocodeResult> ReverseGeocodeManyAsync(IAsyncEnumerable<ReverseGeocodeQuery> points, NearbySearchOptions? defaults = null, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        var filter = BuildFilter(fields);
        defaults ??= new NearbySearchOptions();
        return BulkStreamer.StreamAsync<ReverseGeocodeQuery, ReverseGeocodeResult>(
            points, _options.BulkChunkSize, _options.MaxConcurrentBulkRequests, (chunk, ct) => ReverseChunkAsync(chunk, defaults, filter, ct), cancellationToken);
    }

    /// <summary>Postcodes nearest a postcode (<c>GET /postcodes/{postcode}/nearest</c>), each with its distance.</summary>
    /// <param name="postcode">The postcode.</param>
    /// <param name="options">Limit, radius and wide search, or null for the server's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Postcodes nearest first (the postcode itself at distance 0).</returns>
    /// <exception cref="PostcodeNotFoundException">The postcode is unknown.</exception>
    public async Task<IReadOnlyList<PostcodeResult>> NearestAsync(string postcode, NearbySearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        Numbers.RequireIdentifier(postcode, nameof(postcode));
        options ??= new NearbySearchOptions();
        return await GetAsync(
            "NearestAsync",
            ct => _api.Nearest(postcode.Trim(), Numbers.Format(options.Limit), Numbers.Format(options.Radius), Numbers.Format(options.WideSearch), ct),
            Json.PostcodeListEnvelope,
            postcode,
            cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <summary>Asks the server whether a postcode exists (<c>GET /postcodes/{postcode}/validate</c>; false for garbage too).</summary>
    /// <param name="postcode">The text to check.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the postcode exists in the server's data.</returns>
    public Task<bool> ValidateAsync(string postcode, CancellationToken cancellationToken = default)
    {
        Numbers.RequireIdentifier(postcode, nameof(postcode));
        return RequireAsync("ValidateAsync", ct => _api.Validate(postcode.Trim(), ct), Json.BoolEnvelope, null, cancellationToken);
    }

    /// <summary>Completes a partial postcode (<c>GET /postcodes/{partial}/autocomplete</c>).</summary>
    /// <param name="partial">The start of a postcode, e.g. <c>AB10 1</c>.</param>
    /// <param name="limit">Maximum results (server default 10, max 100), or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Matching postcodes; empty when none.</returns>
    public async Task<IReadOnlyList<string>> AutocompleteAsync(string partial, int? limit = null, CancellationToken cancellationToken = default)
    {
        Numbers.RequireIdentifier(partial, nameof(partial));
        return await GetAsync("AutocompleteAsync", ct => _api.Autocomplete(partial.Trim(), Numbers.Format(limit), ct), Json.StringListEnvelope, null, cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <summary>Searches postcodes by prefix (<c>GET /postcodes?q=</c>); an exact match returns only that postcode.</summary>
    /// <param name="query">The search text.</param>
    /// <param name="limit">Maximum results (server default 10, max 100), or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Matching postcodes; empty when none.</returns>
    public async Task<IReadOnlyList<PostcodeResult>> QueryAsync(string query, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return await GetAsync("QueryAsync", ct => _api.Query(query, Numbers.Format(limit), ct), Json.PostcodeListEnvelope, null, cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <summary>A random postcode (<c>GET /random/postcodes</c>), optionally within an outcode.</summary>
    /// <param name="outcode">Restrict to this outward code, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A postcode, or null when the outcode has none.</returns>
    public Task<PostcodeResult?> GetRandomPostcodeAsync(string? outcode = null, CancellationToken cancellationToken = default) =>
        GetAsync("GetRandomPostcodeAsync", ct => _api.RandomPostcode(string.IsNullOrWhiteSpace(outcode) ? null : outcode.Trim(), ct), Json.PostcodeEnvelope, null, cancellationToken);

    /// <summary>An outward code's average position and areas (<c>GET /outcodes/{outcode}</c>).</summary>
    /// <param name="outcode">The outward code, e.g. <c>AB10</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcode.</returns>
    /// <exception cref="PostcodesNotFoundException">The outcode is unknown.</exception>
    public Task<OutcodeResult> LookupOutcodeAsync(string outcode, CancellationToken cancellationToken = default)
    {
        Numbers.RequireIdentifier(outcode, nameof(outcode));
        return RequireAsync("LookupOutcodeAsync", ct => _api.Outcode(outcode.Trim(), ct), Json.OutcodeEnvelope, null, cancellationToken);
    }

    /// <summary>Outcodes nearest an outcode (<c>GET /outcodes/{outcode}/nearest</c>).</summary>
    /// <param name="outcode">The outward code.</param>
    /// <param name="limit">Maximum results (default 10, max 100), or null.</param>
    /// <param name="radius">Radius in metres (default 5000, max 25000), or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Outcodes, nearest first; empty when none.</returns>
    /// <exception cref="PostcodesNotFoundException">The outcode is unknown.</exception>
    public async Task<IReadOnlyList<OutcodeResult>> NearestOutcodesAsync(string outcode, int? limit = null, int? radius = null, CancellationToken cancellationToken = default)
    {
        Numbers.RequireIdentifier(outcode, nameof(outcode));
        return await GetAsync("NearestOutcodesAsync", ct => _api.OutcodeNearest(outcode.Trim(), Numbers.Format(limit), Numbers.Format(radius), ct), Json.OutcodeListEnvelope, null, cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <summary>Outcodes nearest a point (<c>GET /outcodes?lon=&amp;lat=</c>).</summary>
    /// <param name="longitude">WGS84 longitude.</param>
    /// <param name="latitude">WGS84 latitude.</param>
    /// <param name="limit">Maximum results, or null.</param>
    /// <param name="radius">Radius in metres, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Outcodes, nearest first; empty when none.</returns>
    public async Task<IReadOnlyList<OutcodeResult>> ReverseGeocodeOutcodesAsync(double longitude, double latitude, int? limit = null, int? radius = null, CancellationToken cancellationToken = default)
    {
        var lon = Numbers.Format(Numbers.RequireLongitude(longitude, nameof(longitude)));
        var lat = Numbers.Format(Numbers.RequireLatitude(latitude, nameof(latitude)));
        return await GetAsync("ReverseGeocodeOutcodesAsync", ct => _api.OutcodeReverse(lon, lat, Numbers.Format(limit), Numbers.Format(radius), ct), Json.OutcodeListEnvelope, null, cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <summary>When a postcode was terminated (<c>GET /terminated_postcodes/{postcode}</c>).</summary>
    /// <param name="postcode">The postcode.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The termination details.</returns>
    /// <exception cref="InvalidPostcodeException">The text is not a postcode.</exception>
    /// <exception cref="PostcodesNotFoundException">The postcode is not a terminated one (<c>Terminated postcode not found</c>).</exception>
    public Task<TerminatedPostcode> LookupTerminatedAsync(string postcode, CancellationToken cancellationToken = default)
    {
        Numbers.RequireIdentifier(postcode, nameof(postcode));
        return RequireAsync("LookupTerminatedAsync", ct => _api.Terminated(postcode.Trim(), ct), Json.TerminatedEnvelope, postcode, cancellationToken);
    }

    /// <summary>A postcode in the Scottish Postcode Directory (<c>GET /scotland/postcodes/{postcode}</c>).</summary>
    /// <param name="postcode">The postcode.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its Scottish Parliament constituency.</returns>
    /// <exception cref="InvalidPostcodeException">The text is not a postcode.</exception>
    /// <exception cref="PostcodeNotFoundException">Unknown, or known to ONSPD but not to the SPD.</exception>
    public Task<ScottishPostcode> LookupScottishAsync(string postcode, CancellationToken cancellationToken = default)
    {
        Numbers.RequireIdentifier(postcode, nameof(postcode));
        return RequireAsync("LookupScottishAsync", ct => _api.Scotland(postcode.Trim(), ct), Json.ScottishEnvelope, postcode, cancellationToken);
    }

    /// <summary>Searches OS Open Names places (<c>GET /places?q=</c>).</summary>
    /// <param name="query">The place name or its start.</param>
    /// <param name="limit">Maximum results (default 10, max 100), or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Matching places; empty when none.</returns>
    public async Task<IReadOnlyList<Place>> QueryPlacesAsync(string query, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return await GetAsync("QueryPlacesAsync", ct => _api.PlacesQuery(query, Numbers.Format(limit), ct), Json.PlaceListEnvelope, null, cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <summary>A place by its code (<c>GET /places/{code}</c>).</summary>
    /// <param name="code">The code, e.g. <c>osgb4000000074562649</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The place.</returns>
    /// <exception cref="PostcodesNotFoundException">No such place.</exception>
    public Task<Place> LookupPlaceAsync(string code, CancellationToken cancellationToken = default)
    {
        Numbers.RequireIdentifier(code, nameof(code));
        return RequireAsync("LookupPlaceAsync", ct => _api.Place(code.Trim(), ct), Json.PlaceEnvelope, null, cancellationToken);
    }

    /// <summary>A random place (<c>GET /random/places</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A place.</returns>
    public Task<Place> GetRandomPlaceAsync(CancellationToken cancellationToken = default) =>
        RequireAsync("GetRandomPlaceAsync", _api.RandomPlace, Json.PlaceEnvelope, null, cancellationToken);

    /// <summary>Checks the server answers (<c>GET /ping</c>, result <c>pong</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's answer.</returns>
    public Task<string> PingAsync(CancellationToken cancellationToken = default) =>
        RequireAsync("PingAsync", _api.Ping, Json.StringEnvelope, null, cancellationToken);

    /// <summary>Checks the server's database is ready (<c>GET /ready</c>, result <c>Ready</c>; 500 when not).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's answer.</returns>
    /// <exception cref="PostcodesServiceException">The server is not ready (500).</exception>
    public Task<string> GetReadinessAsync(CancellationToken cancellationToken = default) =>
        RequireAsync("GetReadinessAsync", _api.Ready, Json.StringEnvelope, null, cancellationToken);

    private async Task<IReadOnlyList<PostcodeLookupResult>> LookupChunkAsync(IReadOnlyList<string> queries, string? filter, CancellationToken cancellationToken)
    {
        // Every input is sent as given, so the server's answer (and its echo) lines up with the input; the local
        // format check then tells "not a postcode" from "not found", which the bulk endpoint reports alike (null).
        const string operation = "LookupManyAsync";
        var sent = queries.Select(q => q ?? string.Empty).ToList();
        var items = await RequireAsync(operation, ct => _api.BulkLookup(new BulkLookupRequest(sent), filter, ct), Json.BulkLookupEnvelope, null, cancellationToken).ConfigureAwait(false);
        if (items.Count != sent.Count)
        {
            throw new PostcodesInvalidResponseException(Service, operation, _baseAddress, 200, null, $"{Service} {operation}: sent {sent.Count} postcodes but received {items.Count} results.");
        }

        var results = new PostcodeLookupResult[sent.Count];
        for (var i = 0; i < sent.Count; i++)
        {
            var result = (items[i] ?? throw NullItem(operation, i)).Result;
            var outcome = result is not null ? PostcodeLookupOutcome.Found
                : Postcode.TryParse(sent[i], out _) ? PostcodeLookupOutcome.NotFound
                : PostcodeLookupOutcome.InvalidPostcode;
            results[i] = new PostcodeLookupResult(sent[i], outcome, result);
        }

        return results;
    }

    private async Task<IReadOnlyList<ReverseGeocodeResult>> ReverseChunkAsync(IReadOnlyList<ReverseGeocodeQuery> points, NearbySearchOptions defaults, string? filter, CancellationToken cancellationToken)
    {
        const string operation = "ReverseGeocodeManyAsync";
        foreach (var point in points)
        {
            ArgumentNullException.ThrowIfNull(point, nameof(points));
            Numbers.RequireLongitude(point.Longitude, "Longitude");
            Numbers.RequireLatitude(point.Latitude, "Latitude");
        }

        var items = await RequireAsync(operation, ct => _api.BulkReverse(new BulkReverseRequest(points), filter, Numbers.Format(defaults.Limit), Numbers.Format(defaults.Radius), Numbers.Format(defaults.WideSearch), ct), Json.BulkReverseEnvelope, null, cancellationToken).ConfigureAwait(false);
        if (items.Count != points.Count)
        {
            throw new PostcodesInvalidResponseException(Service, operation, _baseAddress, 200, null, $"{Service} {operation}: sent {points.Count} points but received {items.Count} results.");
        }

        var results = new ReverseGeocodeResult[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            results[i] = new ReverseGeocodeResult(points[i], (items[i] ?? throw NullItem(operation, i)).Result ?? []);
        }

        return results;
    }

    private Task<T> RequireAsync<T>(string operation, Func<CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<PostcodesIoEnvelope<T>> typeInfo, string? postcode, CancellationToken cancellationToken) =>
        PostcodesTelemetry.TraceAsync(Service, operation, _baseAddress, _logger, () => RequireCoreAsync(operation, send, typeInfo, postcode, cancellationToken));

    private Task<T?> GetAsync<T>(string operation, Func<CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<PostcodesIoEnvelope<T>> typeInfo, string? postcode, CancellationToken cancellationToken) =>
        PostcodesTelemetry.TraceAsync(Service, operation, _baseAddress, _logger, () => GetCoreAsync(operation, send, typeInfo, postcode, cancellationToken));

    private async Task<T> RequireCoreAsync<T>(string operation, Func<CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<PostcodesIoEnvelope<T>> typeInfo, string? postcode, CancellationToken cancellationToken)
    {
        var response = await HttpCall.SendAsync(Service, operation, _baseAddress, send, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw MapError(operation, response, postcode);
        }

        var envelope = HttpCall.Deserialize(Service, operation, response, typeInfo);
        var result = envelope.Result ?? throw new PostcodesInvalidResponseException(Service, operation, response.RequestUri, response.StatusCode, response.Excerpt, $"{Service} {operation}: the response has no result. Body starts: {response.Excerpt}");
        CheckPositions(operation, response, result);
        return result;
    }

    /// <summary>Refuses an answer placing something outside WGS84 (latitude 999, say) or the grid (an easting of 1e300), wherever in the answer it is.</summary>
    private static void CheckPositions(string operation, BufferedResponse response, object? value)
    {
        (string? Name, string Problem)? bad = value switch
        {
            PostcodeResult p => RemotePositions.Problem(p.Longitude, p.Latitude, p.Eastings, p.Northings) is { } why ? (p.Postcode, why) : null,
            OutcodeResult o => RemotePositions.Problem(o.Longitude, o.Latitude, o.Eastings, o.Northings) is { } why ? (o.Outcode, why) : null,
            Place p => (RemotePositions.Problem(p.Longitude, p.Latitude, p.Eastings, p.Northings)
                ?? RemotePositions.Problem(null, null, p.MinEastings, p.MinNorthings)
                ?? RemotePositions.Problem(null, null, p.MaxEastings, p.MaxNorthings)) is { } why ? (p.Code, why) : null,
            TerminatedPostcode t => RemotePositions.Problem(t.Longitude, t.Latitude) is { } why ? (t.Postcode, why) : null,
            BulkLookupItem { Result: { } r } => RemotePositions.Problem(r.Longitude, r.Latitude, r.Eastings, r.Northings) is { } why ? (r.Postcode, why) : null,
            _ => null,
        };
        if (bad is { } b)
        {
            throw new PostcodesInvalidResponseException(Service, operation, response.RequestUri, response.StatusCode, response.Excerpt,
                $"{Service} {operation}: the answer places {b.Name ?? "a result"} at {b.Problem}.");
        }

        if (value is System.Collections.IEnumerable list and not string)
        {
            foreach (var item in list)
            {
                if (item is BulkReverseItem reverse)
                {
                    CheckPositions(operation, response, reverse.Result);
                }
                else
                {
                    CheckPositions(operation, response, item);
                }
            }
        }
    }

    private PostcodesInvalidResponseException NullItem(string operation, int index) =>
        new(Service, operation, _baseAddress, 200, null, $"{Service} {operation}: result {index + 1} of the bulk answer is null, not an object with \"query\" and \"result\".");

    private async Task<T?> GetCoreAsync<T>(string operation, Func<CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<PostcodesIoEnvelope<T>> typeInfo, string? postcode, CancellationToken cancellationToken)
    {
        var response = await HttpCall.SendAsync(Service, operation, _baseAddress, send, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw MapError(operation, response, postcode);
        }

        var result = HttpCall.Deserialize(Service, operation, response, typeInfo).Result;
        CheckPositions(operation, response, result);
        return result;
    }

    internal static PostcodesServiceException MapError(string operation, BufferedResponse response, string? postcode)
    {
        PostcodesIoError? error = null;
        try
        {
            error = JsonSerializer.Deserialize(response.Body, Json.PostcodesIoError);
        }
        catch (JsonException)
        {
            // Not postcodes.io's JSON (a proxy's HTML page, say): the excerpt says what came back.
        }

        var message = error?.Error;
        var status = response.StatusCode;
        var uri = response.RequestUri;
        var excerpt = response.Excerpt;
        if (status == 429)
        {
            return new PostcodesRateLimitedException(Service, operation, uri, status, message, excerpt, HttpCall.RetryAfter(response), null);
        }

        if (status == 404 && message is not null)
        {
            if (message.Equals("Invalid postcode", StringComparison.OrdinalIgnoreCase))
            {
                return new InvalidPostcodeException(Service, operation, uri, status, message, excerpt, postcode ?? string.Empty);
            }

            if (postcode is not null && (message.Equals("Postcode not found", StringComparison.OrdinalIgnoreCase) || message.Contains("not in SPD", StringComparison.OrdinalIgnoreCase)))
            {
                return new PostcodeNotFoundException(Service, operation, uri, status, message, excerpt, postcode, error?.Terminated);
            }
        }

        return status == 404
            ? new PostcodesNotFoundException(Service, operation, uri, status, message, excerpt)
            : new PostcodesServiceException(Service, operation, uri, status, message, excerpt);
    }

    private static string? BuildFilter(IEnumerable<string>? fields)
    {
        if (fields is null)
        {
            return null;
        }

        var list = fields.Select(f => f?.Trim() ?? string.Empty).ToList();
        if (list.Count == 0 || list.Exists(f => f.Length == 0 || f.Contains(',', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Each field name must be non-empty and contain no comma, e.g. [\"postcode\", \"codes\"].", nameof(fields));
        }

        return string.Join(',', list);
    }
}
