using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LocalGov.Boundaries.ArcGis;
using LocalGov.Boundaries.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LocalGov.Boundaries;

/// <summary>
/// Pulls a whole layer from an ArcGIS REST feature service (for example the ONS Open Geography Portal) as GeoJSON,
/// page by page (<c>resultOffset</c>, the layer's <c>maxRecordCount</c>, <c>exceededTransferLimit</c>), into a <see cref="BoundarySet"/>.
/// </summary>
public sealed class ArcGisFeatureServiceClient
{
    private const int ExcerptLength = 300;
    private readonly HttpClient _httpClient;
    private readonly ArcGisFeatureServiceClientOptions _options;

    /// <summary>Creates a client without dependency injection.</summary>
    /// <param name="httpClient">The HTTP client to use (its lifetime is the caller's).</param>
    /// <param name="options">Paging and filter options.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ArcGisFeatureServiceClient(HttpClient httpClient, ArcGisFeatureServiceClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        options ??= new ArcGisFeatureServiceClientOptions();
        var validation = new ArcGisFeatureServiceClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _httpClient = httpClient;
        _options = options;
    }

    /// <summary>Creates a client from dependency injection.</summary>
    /// <param name="httpClient">The typed HTTP client.</param>
    /// <param name="options">The validated options.</param>
    [ActivatorUtilitiesConstructor]
    public ArcGisFeatureServiceClient(HttpClient httpClient, IOptions<ArcGisFeatureServiceClientOptions> options)
        : this(httpClient, options?.Value)
    {
    }

    /// <summary>Reads every feature of a layer.</summary>
    /// <param name="layerUrl">The layer, for example <c>https://services1.arcgis.com/…/FeatureServer/0</c>.</param>
    /// <param name="loadOptions">Field names (defaults recognise ONS names); the CRS is the one asked for.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The boundaries, with a load report whose source is the layer URL.</returns>
    /// <exception cref="ArcGisServiceException">The service answered with an error.</exception>
    /// <exception cref="ArcGisTransportException">No usable answer (connection, timeout, truncated body).</exception>
    /// <exception cref="BoundaryFileException">The features are malformed.</exception>
    public async Task<BoundarySet> LoadLayerAsync(Uri layerUrl, BoundaryLoadOptions? loadOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layerUrl);
        loadOptions = Limits.Checked(loadOptions);
        using var activity = BoundariesTelemetry.StartArcGisLoad(layerUrl);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var set = await LoadLayerCoreAsync(layerUrl, loadOptions, cancellationToken).ConfigureAwait(false);
            BoundariesTelemetry.EndArcGisLoad(activity, started, "success", set.Features.Count);
            return set;
        }
        catch (Exception ex)
        {
            BoundariesTelemetry.EndArcGisLoad(activity, started, ex is OperationCanceledException ? "canceled" : ex.GetType().Name, null);
            throw;
        }
    }

    private async Task<BoundarySet> LoadLayerCoreAsync(Uri layerUrl, BoundaryLoadOptions loadOptions, CancellationToken cancellationToken)
    {
        var layer = layerUrl.ToString().TrimEnd('/');
        var pageSize = _options.PageSize;
        if (pageSize is null)
        {
            using var info = await GetJsonAsync(new Uri($"{layer}?f=json"), cancellationToken).ConfigureAwait(false);
            pageSize = info.RootElement.TryGetProperty("maxRecordCount", out var max) && max.TryGetInt32(out var m) && m > 0 ? m : 1000;
        }

        var srid = (int)_options.OutputCrs;
        var features = new List<RawFeature>();
        var fields = new List<string>();
        for (var page = 0; ; page++)
        {
            if (page >= _options.MaxPages)
            {
                throw new ArcGisServiceException($"ArcGIS service {layer}: more than {_options.MaxPages} pages; raise MaxPages or filter with Where.");
            }

            var query = $"{layer}/query?where={Uri.EscapeDataString(_options.Where)}&outFields=*&returnGeometry=true" +
                $"&outSR={srid.ToString(CultureInfo.InvariantCulture)}&f=geojson" +
                $"&resultOffset={features.Count.ToString(CultureInfo.InvariantCulture)}&resultRecordCount={pageSize.Value.ToString(CultureInfo.InvariantCulture)}";
            var url = new Uri(query);
            var body = await GetBytesAsync(url, cancellationToken).ConfigureAwait(false);
            bool? exceeded;
            using (var document = Parse(url, body))
            {
                exceeded = ExceededTransferLimit(document.RootElement);
            }

            var raw = GeoJsonSourceReader.Read(body, url.ToString(), loadOptions, "ArcGIS REST (GeoJSON)");
            foreach (var field in raw.FieldNames.Where(f => !fields.Contains(f, StringComparer.OrdinalIgnoreCase)))
            {
                fields.Add(field);
            }

            var offset = features.Count;
            features.AddRange(raw.Features.Select(f => f with { Number = f.Number + offset }));
            if (features.Count > loadOptions.MaxFeatures)
            {
                throw new BoundaryFileException(layer, null, null, $"the layer has more than {loadOptions.MaxFeatures} features (MaxFeatures)");
            }

            if (raw.Features.Count == 0 || exceeded == false || (exceeded is null && raw.Features.Count < pageSize))
            {
                break;
            }
        }

        var source = new RawSource(layer, "ArcGIS REST (GeoJSON)", fields, features, srid, $"outSR={srid.ToString(CultureInfo.InvariantCulture)}");
        return BoundarySetBuilder.Build(source, loadOptions);
    }

    private static bool? ExceededTransferLimit(JsonElement root)
    {
        if (root.TryGetProperty("exceededTransferLimit", out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return flag.GetBoolean();
        }

        if (root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object &&
            properties.TryGetProperty("exceededTransferLimit", out flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return flag.GetBoolean();
        }

        return null;
    }

    private async Task<JsonDocument> GetJsonAsync(Uri url, CancellationToken cancellationToken) =>
        Parse(url, await GetBytesAsync(url, cancellationToken).ConfigureAwait(false));

    private static JsonDocument Parse(Uri url, byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new ArcGisServiceException(url, HttpStatusCode.OK, Excerpt(body), "the answer is not JSON", ex);
        }

        // ArcGIS reports many errors with HTTP 200 and an "error" object.
        if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error))
        {
            var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var ci) ? ci : 0;
            document.Dispose();
            throw new ArcGisServiceException(url, HttpStatusCode.OK, Excerpt(body), $"service error {code}: {message}");
        }

        return document;
    }

    private async Task<byte[]> GetBytesAsync(Uri url, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ArcGisTransportException(url, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ArcGisTransportException(url, new TimeoutException("The request timed out.", ex));
        }

        using (response)
        {
            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                throw new ArcGisTransportException(url, ex);
            }

            BoundariesTelemetry.RecordArcGisResponse((int)response.StatusCode, body.Length);
            if (!response.IsSuccessStatusCode)
            {
                throw new ArcGisServiceException(url, response.StatusCode, Excerpt(body), $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return body;
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ExcerptLength * 4));
        return text.Length > ExcerptLength ? text[..ExcerptLength] : text;
    }
}
