using System.Text.Json;
using NetTopologySuite.Geometries;

namespace LocalGov.Boundaries.Loading;

/// <summary>
/// Reads one object of a TopoJSON Topology. The arcs are decoded once (undoing quantization and delta encoding) and
/// rings are stitched from them, so neighbours that share an arc share its coordinates exactly.
/// </summary>
internal static class TopoJsonSourceReader
{
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Whether the top-level <c>type</c> is <c>Topology</c>, found without building a document.</summary>
    public static bool IsTopology(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json.StartsWith(Utf8Bom) ? json[3..] : json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isType)
                {
                    return reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Topology"u8);
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not a Topology as far as anyone can tell: the GeoJSON reader then reports the malformed JSON with its line.
        }

        return false;
    }

    public static RawSource Read(ReadOnlyMemory<byte> json, string source, BoundaryLoadOptions options)
    {
        try
        {
            using var document = JsonDocument.Parse(JsonInput.WithoutBom(json), new JsonDocumentOptions { MaxDepth = options.MaxNestingDepth });
            return Read(document.RootElement, source, options);
        }
        catch (JsonException ex)
        {
            throw new BoundaryFileException(source, (int?)(ex.LineNumber + 1), null, $"malformed TopoJSON: {JsonInput.Problem(ex, options.MaxNestingDepth)}", ex);
        }
    }

    private static RawSource Read(JsonElement root, string source, BoundaryLoadOptions options)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals("Topology"))
        {
            throw new BoundaryFileException(source, 1, null, "not a TopoJSON Topology (the top-level \"type\" must be \"Topology\")");
        }

        if (!root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Object)
        {
            throw new BoundaryFileException(source, null, null, "the topology has no \"objects\" member");
        }

        var names = objects.EnumerateObject().Select(o => o.Name).ToList();
        string name;
        if (options.TopoJsonObject is not null)
        {
            name = names.FirstOrDefault(n => string.Equals(n, options.TopoJsonObject, StringComparison.OrdinalIgnoreCase))
                ?? throw new BoundaryFileException(source, null, null, $"no object '{options.TopoJsonObject}' in the topology; " +
                    (names.Count == 0 ? "it has none" : $"objects are: {string.Join(", ", names)} (set TopoJsonObject to one of them)"));
        }
        else
        {
            name = names.Count == 1 ? names[0] : throw new BoundaryFileException(source, null, null, names.Count == 0
                ? "the topology has no objects"
                : $"the topology has {names.Count} objects ({string.Join(", ", names)}): set TopoJsonObject to the one to load");
        }

        var chosen = objects.GetProperty(name);
        var quantization = Transform(root, source);
        var reader = new ObjectReader(source, name, Arcs(root, quantization, source), quantization, options.MaxVertices);
        List<JsonElement> members;
        if (chosen.ValueKind == JsonValueKind.Object && chosen.TryGetProperty("type", out var objectType) && objectType.ValueKind == JsonValueKind.String && objectType.ValueEquals("GeometryCollection"))
        {
            // An object that is a GeometryCollection holds the features; any other object is a single feature.
            members = chosen.TryGetProperty("geometries", out var geometries) && geometries.ValueKind == JsonValueKind.Array
                ? [.. geometries.EnumerateArray()]
                : throw new BoundaryFileException(source, null, null, $"object '{name}' is a GeometryCollection without a \"geometries\" array");
        }
        else
        {
            members = [chosen];
        }

        if (members.Count > options.MaxFeatures)
        {
            throw new BoundaryFileException(source, null, null, $"object '{name}' has {members.Count} members, more than {options.MaxFeatures} (MaxFeatures)");
        }

        var features = new List<RawFeature>(members.Count);
        var fields = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < members.Count; i++)
        {
            var geometry = reader.Geometry(members[i], i + 1);
            var values = reader.Attributes(members[i], i + 1);
            fields.AddRange(values.Keys.Where(seen.Add));
            features.Add(new RawFeature(i + 1, null, field => values.GetValueOrDefault(field), geometry));
        }

        // ONS topologies declare nothing; some older ones carry GeoJSON's legacy crs member, on the object or the topology.
        var (srid, crsText) = GeoJsonSourceReader.LegacyCrs(chosen);
        if (crsText is null)
        {
            (srid, crsText) = GeoJsonSourceReader.LegacyCrs(root);
        }

        return new RawSource($"{source}#{name}", "TopoJSON", fields, features, srid, crsText);
    }

    private static Quantization? Transform(JsonElement root, string source)
    {
        if (!root.TryGetProperty("transform", out var transform) || transform.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (transform.ValueKind == JsonValueKind.Object &&
            transform.TryGetProperty("scale", out var scale) && TryPosition(scale, out var sx, out var sy) && sx != 0 && sy != 0 &&
            transform.TryGetProperty("translate", out var translate) && TryPosition(translate, out var tx, out var ty))
        {
            return new Quantization(sx, sy, tx, ty);
        }

        throw new BoundaryFileException(source, null, null, $"bad transform {Excerpt(transform)}: it needs \"scale\": [sx, sy] (non-zero) and \"translate\": [tx, ty], all finite numbers");
    }

    private static Coordinate[][] Arcs(JsonElement root, Quantization? quantization, string source)
    {
        if (!root.TryGetProperty("arcs", out var arcs) || arcs.ValueKind != JsonValueKind.Array)
        {
            throw new BoundaryFileException(source, null, null, "the topology has no \"arcs\" array");
        }

        var decoded = new Coordinate[arcs.GetArrayLength()][];
        var i = 0;
        foreach (var arc in arcs.EnumerateArray())
        {
            if (arc.ValueKind != JsonValueKind.Array || arc.GetArrayLength() < 2)
            {
                throw new BoundaryFileException(source, null, null, $"arc {i} is not an array of two or more positions: {Excerpt(arc)}");
            }

            var points = new Coordinate[arc.GetArrayLength()];
            double x = 0, y = 0;
            var j = 0;
            foreach (var position in arc.EnumerateArray())
            {
                if (!TryPosition(position, out var px, out var py))
                {
                    throw new BoundaryFileException(source, null, null, $"arc {i}, position {j}: expected [x, y] numbers, got {Excerpt(position)}");
                }

                // Quantized arcs are delta-encoded: each position is the offset from the one before it.
                (x, y) = quantization is null ? (px, py) : (x + px, y + py);
                points[j++] = quantization?.Apply(x, y) ?? new Coordinate(x, y);
            }

            decoded[i++] = points;
        }

        return decoded;
    }

    private static bool TryPosition(JsonElement position, out double x, out double y)
    {
        x = y = 0;
        return position.ValueKind == JsonValueKind.Array && position.GetArrayLength() >= 2 &&
            position[0].ValueKind == JsonValueKind.Number && position[0].TryGetDouble(out x) && double.IsFinite(x) &&
            position[1].ValueKind == JsonValueKind.Number && position[1].TryGetDouble(out y) && double.IsFinite(y);
    }

    private static string Excerpt(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private readonly record struct Quantization(double ScaleX, double ScaleY, double TranslateX, double TranslateY)
    {
        public Coordinate Apply(double x, double y) => new(x * ScaleX + TranslateX, y * ScaleY + TranslateY);
    }

    /// <summary>Builds the geometries and attributes of one object's members, naming the object and feature in every error.</summary>
    private sealed class ObjectReader(string source, string name, Coordinate[][] arcs, Quantization? quantization, long maxVertices)
    {
        private long _vertices;

        public Geometry? Geometry(JsonElement geometry, int number)
        {
            if (geometry.ValueKind != JsonValueKind.Object)
            {
                throw Fail(number, $"expected a geometry object, got {Excerpt(geometry)}");
            }

            // A geometry of type null (or with no type) is a feature without geometry; the builder reports and skips it.
            if (!geometry.TryGetProperty("type", out var type) || type.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return (type.ValueKind == JsonValueKind.String ? type.GetString() : type.GetRawText()) switch
            {
                "Polygon" => Polygon(Member(geometry, "arcs", number), number, string.Empty),
                "MultiPolygon" => Factory.CreateMultiPolygon([.. Items(Member(geometry, "arcs", number), number, "arcs").Select((p, i) => Polygon(p, number, $"polygon {i + 1}, "))]),
                "LineString" => Factory.CreateLineString([.. Stitch(Member(geometry, "arcs", number), number, "line")]),
                "MultiLineString" => Factory.CreateMultiLineString([.. Items(Member(geometry, "arcs", number), number, "arcs").Select((l, i) => Factory.CreateLineString([.. Stitch(l, number, $"line {i + 1}")]))]),
                "Point" => Factory.CreatePoint(Position(Member(geometry, "coordinates", number), number)),
                "MultiPoint" => Factory.CreateMultiPointFromCoords([.. Items(Member(geometry, "coordinates", number), number, "coordinates").Select(p => Position(p, number))]),
                "GeometryCollection" => Collection(geometry, number),
                var other => throw Fail(number, $"unknown geometry type '{other}'"),
            };
        }

        public Dictionary<string, object?> Attributes(JsonElement geometry, int number)
        {
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (geometry.TryGetProperty("properties", out var properties) && properties.ValueKind != JsonValueKind.Null)
            {
                if (properties.ValueKind != JsonValueKind.Object)
                {
                    throw Fail(number, $"\"properties\" is not an object: {Excerpt(properties)}");
                }

                foreach (var property in properties.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.TryGetInt64(out var whole) ? whole : property.Value.TryGetDouble(out var real) ? real : property.Value.GetRawText(),
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        JsonValueKind.Null => null,
                        _ => property.Value.GetRawText(),
                    };
                }
            }

            // The "id" member is offered as the field "id" (ONS keys features by it), as in the GeoJSON reader, unless a property has that name.
            if (geometry.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null)
            {
                values.TryAdd("id", id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText());
            }

            return values;
        }

        /// <summary>The members with nested collections flattened, so the builder, which looks one level deep, finds every polygon.</summary>
        private GeometryCollection Collection(JsonElement geometry, int number)
        {
            var parts = new List<Geometry>();
            foreach (var member in Items(Member(geometry, "geometries", number), number, "geometries"))
            {
                switch (Geometry(member, number))
                {
                    case GeometryCollection { OgcGeometryType: OgcGeometryType.GeometryCollection } inner:
                        parts.AddRange(inner.Geometries);
                        break;
                    case { } part:
                        parts.Add(part);
                        break;
                }
            }

            return Factory.CreateGeometryCollection([.. parts]);
        }

        private Polygon Polygon(JsonElement rings, int number, string where)
        {
            var built = Items(rings, number, $"{where}rings").Select((r, i) => Ring(r, number, $"{where}ring {i + 1}")).ToList();
            return built.Count == 0 ? Factory.CreatePolygon() : Factory.CreatePolygon(built[0], [.. built.Skip(1)]);
        }

        private LinearRing Ring(JsonElement indexes, int number, string where)
        {
            var points = Stitch(indexes, number, where);
            if (!points[0].Equals2D(points[^1]))
            {
                throw Fail(number, $"{where} does not close: it starts at ({points[0].X}, {points[0].Y}) and ends at ({points[^1].X}, {points[^1].Y})");
            }

            // A ring that collapsed to two or three points (quantization can do that) cannot be built; padded to four it can,
            // and the builder then finds it invalid and repairs or skips it with a report instead of the whole file failing.
            while (points.Count < 4)
            {
                points.Add(points[^1].Copy());
            }

            return Factory.CreateLinearRing([.. points]);
        }

        private List<Coordinate> Stitch(JsonElement indexes, int number, string where)
        {
            var points = new List<Coordinate>();
            var previous = (int?)null;
            foreach (var reference in Items(indexes, number, where))
            {
                if (reference.ValueKind != JsonValueKind.Number || !reference.TryGetInt32(out var index))
                {
                    throw Fail(number, $"{where}: the arc reference {Excerpt(reference)} is not an integer");
                }

                // A negative reference ~i (that is, -i - 1) is arc i reversed.
                var arcIndex = index < 0 ? ~index : index;
                if (arcIndex >= arcs.Length)
                {
                    throw Fail(number, $"{where} refers to arc {index}{(index < 0 ? $" (arc {arcIndex} reversed)" : string.Empty)}, but the topology has only {arcs.Length} arcs");
                }

                var arc = arcs[arcIndex];
                var first = index < 0 ? arc[^1] : arc[0];
                if (previous is not null && !points[^1].Equals2D(first))
                {
                    throw Fail(number, $"{where}: arc {index} does not start where arc {previous} ends");
                }

                // Each arc after the first starts on the point the one before it ended on.
                var skip = previous is null ? 0 : 1;
                _vertices += arc.Length - skip;
                if (_vertices > maxVertices)
                {
                    // A ring may repeat an arc any number of times, so a small file could otherwise expand without limit.
                    throw Fail(number, $"{where}: the object expands to more than {maxVertices} vertices (MaxVertices)");
                }

                for (var k = skip; k < arc.Length; k++)
                {
                    points.Add(arc[index < 0 ? arc.Length - 1 - k : k].Copy());
                }

                previous = index;
            }

            return previous is null ? throw Fail(number, $"{where} has no arcs") : points;
        }

        private Coordinate Position(JsonElement position, int number) =>
            !TryPosition(position, out var x, out var y) ? throw Fail(number, $"expected a position [x, y], got {Excerpt(position)}")
            : quantization?.Apply(x, y) ?? new Coordinate(x, y);

        private JsonElement Member(JsonElement geometry, string member, int number) =>
            geometry.TryGetProperty(member, out var value) ? value : throw Fail(number, $"the geometry has no \"{member}\"");

        private JsonElement.ArrayEnumerator Items(JsonElement array, int number, string what) =>
            array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : throw Fail(number, $"{what}: expected an array, got {Excerpt(array)}");

        private BoundaryFileException Fail(int number, string problem) => new(source, null, number, $"object '{name}': {problem}");
    }
}
