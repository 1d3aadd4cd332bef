using System.Text;
using NetTopologySuite.Geometries;

namespace LocalGov.Boundaries.Tests.Loading;

public sealed class TopoJsonLoaderTests : IDisposable
{
    // Two 1° squares in lon/lat either side of the meridian. Arc 0 is their shared edge: the west square uses it as
    // drawn, the east square reversed (~0 = -1).
    private const string TwoSquares = """
        {"type":"Topology","objects":{"parishes":{"type":"GeometryCollection","geometries":[
          {"type":"Polygon","arcs":[[0,1]],"properties":{"PAR20CD":"E04000001","PAR20NM":"West"}},
          {"type":"Polygon","arcs":[[2,-1]],"properties":{"PAR20CD":"E04000002","PAR20NM":"East"}}]}},
         "arcs":[[[0,51],[0,52]],[[0,52],[-1,52],[-1,51],[0,51]],[[0,51],[1,51],[1,52],[0,52]]]}
        """;

    // The same topology quantized to a 0.5° grid from (-1, 51), with delta-encoded arcs.
    private const string TwoSquaresQuantized = """
        {"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[-1,51]},
         "objects":{"parishes":{"type":"GeometryCollection","geometries":[
          {"type":"Polygon","arcs":[[0,1]],"properties":{"PAR20CD":"E04000001","PAR20NM":"West"}},
          {"type":"Polygon","arcs":[[2,-1]],"properties":{"PAR20CD":"E04000002","PAR20NM":"East"}}]}},
         "arcs":[[[2,0],[0,2]],[[2,2],[-2,0],[0,-2],[2,0]],[[2,0],[2,0],[0,2],[-2,0]]]}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("lgb-topo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static BoundarySet Load(string json, BoundaryLoadOptions? options = null) =>
        BoundaryLoader.LoadTopoJson(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.topojson", options);

    private static Coordinate[] Ring(params double[] xy) => [.. xy.Chunk(2).Select(p => new Coordinate(p[0], p[1]))];

    [Fact]
    public void Unquantized_polygons_share_a_reversed_arc_exactly()
    {
        var set = Load(TwoSquares);

        Assert.Equal([("E04000001", "West"), ("E04000002", "East")], set.Features.Select(f => (f.Code, f.Name)));
        Assert.Equal(BoundaryCrs.Wgs84, set.Crs);
        Assert.Equal("TopoJSON", set.Report.Format);
        Assert.Equal("test.topojson#parishes", set.Report.Source);
        Assert.Equal(("PAR20CD", "PAR20NM"), (set.Report.CodeField, set.Report.NameField));
        Assert.Empty(set.Report.Repairs);
        Assert.Empty(set.Report.Skips);
        Assert.Equal(Ring(0, 51, 0, 52, -1, 52, -1, 51, 0, 51), set.Features[0].Geometry.Coordinates);
        Assert.Equal(Ring(0, 51, 1, 51, 1, 52, 0, 52, 0, 51), set.Features[1].Geometry.Coordinates);

        // No gap and no overlap: the edge is the same coordinates in both.
        var shared = set.Features[0].Geometry.Intersection(set.Features[1].Geometry);
        Assert.Equal(0, shared.Area);
        Assert.Equal(1, shared.Length);
        Assert.IsType<Polygon>(set.Features[0].Geometry.Union(set.Features[1].Geometry));
    }

    [Fact]
    public void Quantized_arcs_are_delta_decoded_and_transformed()
    {
        var quantized = Load(TwoSquaresQuantized);
        var plain = Load(TwoSquares);

        Assert.Equal(2, quantized.Features.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(plain.Features[i].Geometry.EqualsExact(quantized.Features[i].Geometry), $"{quantized.Features[i].Geometry} differs from {plain.Features[i].Geometry}");
        }
    }

    [Fact]
    public void Polygons_with_holes_and_multipolygons()
    {
        const string Json = """
            {"type":"Topology","objects":{"areas":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0],[1]],"properties":{"areacd":"E04000010","areanm":"Holed"}},
              {"type":"MultiPolygon","arcs":[[[2]],[[3]]],"properties":{"areacd":"E04000011","areanm":"Islands"}}]}},
             "arcs":[[[-2,50],[-1,50],[-1,51],[-2,51],[-2,50]],
                     [[-1.75,50.25],[-1.75,50.75],[-1.25,50.75],[-1.25,50.25],[-1.75,50.25]],
                     [[1,50],[1.5,50],[1.5,50.5],[1,50.5],[1,50]],
                     [[2,50],[2.5,50],[2.5,50.5],[2,50.5],[2,50]]]}
            """;

        var set = Load(Json);

        var holed = Assert.IsType<Polygon>(set.Features[0].Geometry);
        Assert.Equal(1, holed.NumInteriorRings);
        Assert.Equal(0.75, holed.Area, 12);
        var islands = Assert.IsType<MultiPolygon>(set.Features[1].Geometry);
        Assert.Equal(2, islands.NumGeometries);
        Assert.Equal(0.5, islands.Area, 12);
        Assert.Equal(("areacd", "areanm"), (set.Report.CodeField, set.Report.NameField));
    }

    [Fact]
    public void Null_geometries_are_reported_and_skipped_and_ids_and_a_legacy_crs_are_used()
    {
        const string Json = """
            {"type":"Topology","objects":{"lad":{"type":"GeometryCollection",
              "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"geometries":[
              {"type":"Polygon","arcs":[[0]],"id":"E07000004"},
              {"type":null,"id":"E07000005"},
              {"id":"E07000006"},
              {"type":"LineString","arcs":[0],"id":"E07000007"}]}},
             "arcs":[[[-1,51],[0,51],[0,52],[-1,52],[-1,51]]]}
            """;

        var set = Load(Json);

        Assert.Equal("id", set.Report.CodeField);
        Assert.Equal("E07000004", Assert.Single(set.Features).Code);
        Assert.Equal((4, 1), (set.Report.FeaturesRead, set.Report.FeaturesLoaded));
        Assert.Equal(
            [(2, "E07000005", "no geometry"), (3, "E07000006", "no geometry"), (4, "E07000007", "a LineString, not a polygon")],
            set.Report.Skips.Select(s => (s.FeatureNumber, s.Code, s.Reason)));
        Assert.StartsWith("declared (crs \"urn:ogc:def:crs:OGC:1.3:CRS84\")", set.Report.CrsDecision, StringComparison.Ordinal);
    }

    [Fact]
    public void A_geometry_collection_feature_keeps_its_polygons_however_nested()
    {
        const string Json = """
            {"type":"Topology","objects":{"lad":{"type":"GeometryCollection","geometries":[
              {"type":"GeometryCollection","properties":{"LAD21CD":"E07000004","LAD21NM":"Aylesbury Vale"},"geometries":[
                {"type":"Polygon","arcs":[[0]]},
                {"type":"Point","coordinates":[-0.5,51.5]},
                {"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[1]]}]}]}]}},
             "arcs":[[[-1,51],[0,51],[0,52],[-1,52],[-1,51]],[[1,51],[2,51],[2,52],[1,52],[1,51]]]}
            """;

        var set = Load(Json);

        var feature = Assert.Single(set.Features);
        Assert.Equal(("E07000004", "Aylesbury Vale"), (feature.Code, feature.Name));
        Assert.Equal(2, Assert.IsType<MultiPolygon>(feature.Geometry).NumGeometries);
        Assert.Equal(2, feature.Geometry.Area, 12);
    }

    [Fact]
    public void A_ring_collapsed_by_quantization_is_repaired_or_skipped_and_reported()
    {
        // Feature 1's hole and feature 2's only ring are single arcs that go out and straight back.
        const string Json = """
            {"type":"Topology","objects":{"p":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0],[1]],"properties":{"code":"E04000001"}},
              {"type":"Polygon","arcs":[[2]],"properties":{"code":"E04000002"}}]}},
             "arcs":[[[-1,51],[0,51],[0,52],[-1,52],[-1,51]],[[-0.5,51.5],[-0.4,51.5],[-0.5,51.5]],[[1,51],[1.5,51],[1,51]]]}
            """;

        var set = Load(Json);

        Assert.Equal("E04000001", Assert.Single(set.Features).Code);
        Assert.Equal(1, set.Features[0].Geometry.Area, 12);
        Assert.Equal(1, Assert.Single(set.Report.Repairs).FeatureNumber);
        var skip = Assert.Single(set.Report.Skips);
        Assert.Equal(2, skip.FeatureNumber);
        Assert.Contains("repairs to nothing polygonal", skip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_object_is_the_only_one_or_the_named_one()
    {
        const string Json = """
            {"type":"Topology","objects":{
              "lad":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"areacd":"E07000004"}}]},
              "wards":{"type":"Polygon","arcs":[[0]],"properties":{"WD13CD":"E05000001","WD13NM":"Aston Clinton"}}},
             "arcs":[[[-1,51],[0,51],[0,52],[-1,52],[-1,51]]]}
            """;

        var several = Assert.Throws<BoundaryFileException>(() => Load(Json));
        Assert.Contains("2 objects (lad, wards)", several.Message, StringComparison.Ordinal);
        Assert.Contains("TopoJsonObject", several.Message, StringComparison.Ordinal);

        var wards = Load(Json, new BoundaryLoadOptions { TopoJsonObject = "wards" });
        Assert.Equal(("E05000001", "Aston Clinton"), (wards.Features[0].Code, wards.Features[0].Name));
        Assert.Equal("test.topojson#wards", wards.Report.Source);
        Assert.Equal("E07000004", Load(Json, new BoundaryLoadOptions { TopoJsonObject = "lad" }).Features[0].Code);

        var unknown = Assert.Throws<BoundaryFileException>(() => Load(Json, new BoundaryLoadOptions { TopoJsonObject = "parishes" }));
        Assert.Contains("no object 'parishes'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("objects are: lad, wards", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", null, "not a TopoJSON Topology")]
    [InlineData("""{"type":"Topology","objects":{}, "arcs":[]}""", null, "the topology has no objects")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"Polygon","arcs":[[0]]}}}""", null, "no \"arcs\" array")]
    [InlineData("""{"type":"Topology","transform":{"scale":[0,1],"translate":[0,0]},"objects":{"p":{"type":"Polygon","arcs":[[0]]}},"arcs":[]}""", null, "bad transform")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"Polygon","arcs":[[0]]}},"arcs":[[[0,"51"],[1,51]]]}""", null, "arc 0, position 0: expected [x, y] numbers")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"Polygon","arcs":[[0]]}},"arcs":[[[0,51]]]}""", null, "arc 0 is not an array of two or more positions")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0,5]]}]}},"arcs":[[[0,51],[0,52],[0,51]]]}""", 1, "object 'p': ring 1 refers to arc 5, but the topology has only 1 arcs")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"GeometryCollection","geometries":[{"type":null},{"type":"MultiPolygon","arcs":[[[-3]]]}]}},"arcs":[[[0,51],[0,52],[0,51]]]}""", 2, "polygon 1, ring 1 refers to arc -3 (arc 2 reversed)")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"Polygon","arcs":[[0]]}},"arcs":[[[0,51],[0,52]]]}""", 1, "ring 1 does not close")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"Polygon","arcs":[[0,0]]}},"arcs":[[[0,51],[0,52]]]}""", 1, "ring 1: arc 0 does not start where arc 0 ends")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"Polygon","arcs":[["a"]]}},"arcs":[[[0,51],[0,52]]]}""", 1, "the arc reference \"a\" is not an integer")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"Polygon","arcs":[0]}},"arcs":[[[0,51],[0,52]]]}""", 1, "ring 1: expected an array, got 0")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"Polygon"}},"arcs":[]}""", 1, "the geometry has no \"arcs\"")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"Circle","arcs":[]}},"arcs":[]}""", 1, "unknown geometry type 'Circle'")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"Polygon","arcs":[],"properties":[1]}},"arcs":[]}""", 1, "\"properties\" is not an object")]
    [InlineData("""{"type":"Topology","objects":{"p":{"type":"GeometryCollection"}},"arcs":[]}""", null, "object 'p' is a GeometryCollection without a \"geometries\" array")]
    public void Malformed_topojson_is_a_typed_error_saying_what_and_where(string json, int? feature, string problem)
    {
        var ex = Assert.Throws<BoundaryFileException>(() => Load(json));

        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.Equal(feature, ex.FeatureNumber);
        Assert.Equal("test.topojson", ex.Source);
    }

    [Fact]
    public void Malformed_json_gives_its_line()
    {
        var ex = Assert.Throws<BoundaryFileException>(() => Load("{\"type\":\"Topology\",\n\"objects\":{\"p\":\n{\"type\":\"Polygon\",,}}}"));

        Assert.Equal(3, ex.Line);
        Assert.Contains("malformed TopoJSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_routes_a_json_topology_to_the_topojson_reader_and_other_json_to_geojson()
    {
        var topology = Path.Combine(_folder, "parishes.json");
        File.WriteAllText(topology, TwoSquaresQuantized, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var topojson = Path.Combine(_folder, "parishes.topojson");
        File.WriteAllText(topojson, TwoSquares);
        var geojson = Path.Combine(_folder, "lad.json");
        File.WriteAllText(geojson, """
            {"features":[{"type":"Feature","properties":{"areacd":"E07000004"},
              "geometry":{"type":"Polygon","coordinates":[[[-1,51.7],[-0.6,51.7],[-0.6,52.1],[-1,52.1],[-1,51.7]]]}}],"type":"FeatureCollection"}
            """);

        Assert.Equal(("TopoJSON", 2), (BoundaryLoader.Load(topology).Report.Format, BoundaryLoader.Load(topology).Features.Count));
        Assert.Equal("TopoJSON", BoundaryLoader.Load(topojson).Report.Format);
        Assert.Equal("GeoJSON", BoundaryLoader.Load(geojson).Report.Format);
        var wrongReader = Assert.Throws<BoundaryFileException>(() => BoundaryLoader.LoadGeoJson(topojson));
        Assert.Contains("LoadTopoJson", wrongReader.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<BoundaryFileException>(() => BoundaryLoader.Load(Path.Combine(_folder, "lad.kml")));
        Assert.Contains(".topojson", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_in_a_json_file_is_still_a_typed_error()
    {
        var path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, "{\"type\":\"Topology\",\"objects\":");

        var ex = Assert.Throws<BoundaryFileException>(() => BoundaryLoader.Load(path));

        Assert.Contains("malformed", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TwoSquares)]
    [InlineData(TwoSquaresQuantized)]
    public void Points_either_side_of_the_shared_edge_resolve_to_their_own_parish(string json)
    {
        var resolver = ParishResolver.Build(Load(json));

        Assert.Equal("E04000001", resolver.Resolve(-0.5, 51.5).Code);
        Assert.Equal("E04000002", resolver.Resolve(0.5, 51.5).Code);
        Assert.Equal("E04000001", resolver.Resolve(-1e-9, 51.5).Code);
        Assert.Equal("E04000002", resolver.Resolve(1e-9, 51.5).Code);

        // On the shared edge itself: the edge rule gives it to the parish to the east.
        Assert.Equal("E04000002", resolver.Resolve(0, 51.5).Code);
        Assert.False(resolver.Resolve(-1.5, 51.5).IsFound);
        Assert.False(resolver.Resolve(0.5, 52.5).IsFound);
    }
}
