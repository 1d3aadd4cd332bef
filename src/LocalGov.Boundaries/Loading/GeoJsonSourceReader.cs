using System.Text.Json;
using System.Text.RegularExpressions;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace LocalGov.Boundaries.Loading;

/// <summary>Reads a GeoJSON FeatureCollection with NetTopologySuite.IO.GeoJSON4STJ, honouring a legacy <c>crs</c> member.</summary>
internal static partial class GeoJsonSourceReader
{
    public static RawSource Read(ReadOnlyMemory<byte> json, string source, string format = "GeoJSON")
    {
        int? declaredSrid = null;
        string? declaredText = null;
        FeatureCollection? collection;
        try
        {
            using (var document = JsonDocument.Parse(json))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
                {
                    throw new BoundaryFileException(source, 1, null, "not a GeoJSON FeatureCollection (the top-level \"type\" must be \"FeatureCollection\")");
                }

                if (root.TryGetProperty("crs", out var crs) && crs.ValueKind == JsonValueKind.Object &&
                    crs.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object &&
                    properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    declaredText = $"crs \"{name.GetString()}\"";
                    var match = EpsgCode().Match(name.GetString() ?? string.Empty);
                    declaredSrid = match.Success ? int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)
                        : (name.GetString() ?? string.Empty).Contains("CRS84", StringComparison.OrdinalIgnoreCase) ? 4326 : -1;
                }
            }

            collection = JsonSerializer.Deserialize<FeatureCollection>(json.Span, Options);
        }
        catch (JsonException ex)
        {
            throw new BoundaryFileException(source, (int?)(ex.LineNumber + 1), null, $"malformed GeoJSON: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            throw new BoundaryFileException(source, null, null, $"malformed GeoJSON: {ex.Message}", ex);
        }

        if (collection is null)
        {
            throw new BoundaryFileException(source, 1, null, "the GeoJSON is null");
        }

        var features = collection.Select((f, i) => new RawFeature(i + 1, null, AttributeLookup.For(f.Attributes), f.Geometry)).ToList();
        return new RawSource(source, format, AttributeLookup.Names(collection), features, declaredSrid, declaredText);
    }

    // The feature "id" member becomes the attribute "id", so ONS-style files keyed only by id still load.
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(), false, "id") },
    };

    [GeneratedRegex(@"EPSG:{1,2}(?:[0-9.]*:)?([0-9]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EpsgCode();
}
