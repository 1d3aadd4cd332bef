using System.Text.Json;
using System.Text.RegularExpressions;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace LocalGov.Boundaries.Loading;

/// <summary>Reads a GeoJSON FeatureCollection with NetTopologySuite.IO.GeoJSON4STJ, honouring a legacy <c>crs</c> member.</summary>
internal static partial class GeoJsonSourceReader
{
    public static RawSource Read(ReadOnlyMemory<byte> json, string source, BoundaryLoadOptions limits, string format = "GeoJSON")
    {
        json = JsonInput.WithoutBom(json);
        int? declaredSrid = null;
        string? declaredText = null;
        FeatureCollection? collection;
        var ids = new List<string?>();
        try
        {
            using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = limits.MaxNestingDepth }))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
                {
                    throw new BoundaryFileException(source, 1, null, TopoJsonSourceReader.IsTopology(json.Span)
                        ? "not a GeoJSON FeatureCollection but a TopoJSON Topology: load it with LoadTopoJson"
                        : "not a GeoJSON FeatureCollection (the top-level \"type\" must be \"FeatureCollection\")");
                }

                (declaredSrid, declaredText) = LegacyCrs(root);

                if (root.TryGetProperty("features", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    if (list.GetArrayLength() > limits.MaxFeatures)
                    {
                        throw new BoundaryFileException(source, null, null, $"the collection has {list.GetArrayLength()} features, more than {limits.MaxFeatures} (MaxFeatures)");
                    }

                    foreach (var feature in list.EnumerateArray())
                    {
                        ids.Add(feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("id", out var id)
                            ? id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()
                            : null);
                    }
                }
            }

            collection = JsonSerializer.Deserialize<FeatureCollection>(json.Span, limits.MaxNestingDepth == DefaultDepth ? Options : CreateOptions(limits.MaxNestingDepth));
        }
        catch (JsonException ex)
        {
            throw new BoundaryFileException(source, (int?)(ex.LineNumber + 1), null, $"malformed GeoJSON: {JsonInput.Problem(ex, limits.MaxNestingDepth)}", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            throw new BoundaryFileException(source, null, null, $"malformed GeoJSON: {ex.Message}", ex);
        }

        if (collection is null)
        {
            throw new BoundaryFileException(source, 1, null, "the GeoJSON is null");
        }

        // The feature "id" member is offered as the field "id" (ONS services key features by it) unless a property has that name.
        var features = collection.Select((f, i) =>
        {
            var lookup = AttributeLookup.For(f.Attributes);
            var id = i < ids.Count ? ids[i] : null;
            return new RawFeature(i + 1, null, id is null ? lookup : name => lookup(name) ?? (string.Equals(name, "id", StringComparison.OrdinalIgnoreCase) ? id : null), f.Geometry);
        }).ToList();
        var names = AttributeLookup.Names(collection).ToList();
        if (ids.Any(id => id is not null) && !names.Contains("id", StringComparer.OrdinalIgnoreCase))
        {
            names.Add("id");
        }

        return new RawSource(source, format, names, features, declaredSrid, declaredText);
    }

    /// <summary>The legacy <c>crs</c> member of a JSON object (GeoJSON 2008; some TopoJSON carries it too): the EPSG code it names (4326 for CRS84, -1 if unrecognised) and how to describe it.</summary>
    public static (int? Srid, string? Text) LegacyCrs(JsonElement owner)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object ||
            !crs.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object ||
            !properties.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return (null, null);
        }

        var text = name.GetString() ?? string.Empty;
        var match = EpsgCode().Match(text);
        var srid = match.Success ? int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)
            : text.Contains("CRS84", StringComparison.OrdinalIgnoreCase) ? 4326 : -1;
        return (srid, $"crs \"{text}\"");
    }

    private const int DefaultDepth = 64;

    // The feature "id" member becomes the attribute "id", so ONS-style files keyed only by id still load.
    private static readonly JsonSerializerOptions Options = CreateOptions(DefaultDepth);

    private static JsonSerializerOptions CreateOptions(int maxDepth) => new()
    {
        MaxDepth = maxDepth,
        Converters = { new GeoJsonConverterFactory(NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(), false, "id") },
    };

    [GeneratedRegex(@"EPSG:{1,2}(?:[0-9.]*:)?([0-9]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EpsgCode();
}
