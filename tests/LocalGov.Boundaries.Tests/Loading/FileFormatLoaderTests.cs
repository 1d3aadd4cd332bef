using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;

namespace LocalGov.Boundaries.Tests.Loading;

public sealed class FileFormatLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lgb-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Polygon Square(double x, double y, double size) => new GeometryFactory().CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    [Fact]
    public void GeoJson_with_ons_properties_in_wgs84()
    {
        const string Json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"LAD21CD":"E07000004","LAD21NM":"Aylesbury Vale"},
               "geometry":{"type":"Polygon","coordinates":[[[-1,51.7],[-0.6,51.7],[-0.6,52.1],[-1,52.1],[-1,51.7]]]}},
              {"type":"Feature","properties":{"LAD21CD":"E07000005","LAD21NM":"Chiltern"},"geometry":null}
            ]}
            """;
        var set = BoundaryLoader.LoadGeoJson(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Json)), "lad.geojson");

        Assert.Equal(BoundaryCrs.Wgs84, set.Crs);
        Assert.Equal(("E07000004", "Aylesbury Vale"), (set.Features[0].Code, set.Features[0].Name));
        Assert.Null(set.Features[0].ParentCode);
        Assert.Equal("no geometry", Assert.Single(set.Report.Skips).Reason);
    }

    [Fact]
    public void GeoJson_feature_ids_and_a_declared_crs_are_used()
    {
        const string Json = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
              {"type":"Feature","id":"E04000001","properties":{},
               "geometry":{"type":"Polygon","coordinates":[[[400000,200000],[401000,200000],[401000,201000],[400000,200000]]]}}]}
            """;
        var set = BoundaryLoader.LoadGeoJson(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Json)), "p.geojson");

        Assert.Equal("E04000001", set.Features[0].Code);
        Assert.Equal(BoundaryCrs.BritishNationalGrid, set.Crs);
        Assert.StartsWith("declared", set.Report.CrsDecision, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",")]
    [InlineData("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}")]
    [InlineData("[1,2,3]")]
    public void Malformed_geojson_is_a_typed_error(string json)
    {
        Assert.Throws<BoundaryFileException>(() => BoundaryLoader.LoadGeoJson(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "bad.geojson"));
    }

    [Fact]
    public void Shapefile_with_boundary_line_fields_and_a_prj()
    {
        var path = Path.Combine(_folder, "parish_region.shp");
        var features = new[]
        {
            new Feature(Square(460000, 210000, 1000), new AttributesTable { { "NAME", "Haddenham CP" }, { "AREA_CODE", "CPC" }, { "CODE", "E04001490" } }),
            new Feature(Square(461000, 210000, 1000), new AttributesTable { { "NAME", "Dinton CP" }, { "AREA_CODE", "CPC" }, { "CODE", "E04001480" } }),
        };
        Shapefile.WriteAllFeatures(features, path);
        File.WriteAllText(Path.ChangeExtension(path, ".prj"), "PROJCS[\"British_National_Grid\",GEOGCS[\"GCS_OSGB_1936\"]]");

        var set = BoundaryLoader.Load(path);

        Assert.Equal(["E04001490", "E04001480"], set.Features.Select(f => f.Code));
        Assert.Equal("Dinton CP", set.Features[1].Name);
        Assert.Equal(BoundaryCrs.BritishNationalGrid, set.Crs);
        Assert.Equal("Shapefile", set.Report.Format);
        Assert.Equal("E04001480", ParishResolver.Build(set).Resolve(461500, 210500).Code);
    }

    [Fact]
    public void A_broken_shapefile_is_a_typed_error()
    {
        var path = Path.Combine(_folder, "broken.shp");
        File.WriteAllBytes(path, new byte[50]);
        File.WriteAllBytes(Path.ChangeExtension(path, ".dbf"), new byte[10]);

        Assert.Throws<BoundaryFileException>(() => BoundaryLoader.LoadShapefile(path));
    }

    [Fact]
    public void GeoPackage_feature_table_with_its_srs()
    {
        var path = Path.Combine(_folder, "parishes.gpkg");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT);
                INSERT INTO gpkg_spatial_ref_sys VALUES ('OSGB36 / British National Grid', 27700, 'EPSG', 27700, '');
                CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
                INSERT INTO gpkg_geometry_columns VALUES ('parishes', 'geom', 'POLYGON', 27700, 0, 0);
                CREATE TABLE parishes (fid INTEGER PRIMARY KEY, PAR22CD TEXT, PAR22NM TEXT, geom BLOB);
                """;
            command.ExecuteNonQuery();
            var writer = new GeoPackageGeoWriter();
            var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO parishes (PAR22CD, PAR22NM, geom) VALUES ($c, $n, $g)";
            var square = Square(460000, 210000, 1000);
            square.SRID = 27700;
            insert.Parameters.AddWithValue("$c", "E04001490");
            insert.Parameters.AddWithValue("$n", "Haddenham");
            insert.Parameters.AddWithValue("$g", writer.Write(square));
            insert.ExecuteNonQuery();
        }

        var set = BoundaryLoader.Load(path);

        Assert.Equal(("E04001490", "Haddenham"), (set.Features[0].Code, set.Features[0].Name));
        Assert.Equal(BoundaryCrs.BritishNationalGrid, set.Crs);
        Assert.Contains("EPSG:27700", set.Report.CrsDecision, StringComparison.Ordinal);
        Assert.Throws<BoundaryFileException>(() => BoundaryLoader.LoadGeoPackage(path, new BoundaryLoadOptions { GeoPackageTable = "wards" }));
    }

    [Fact]
    public void A_file_that_is_not_a_geopackage_is_a_typed_error()
    {
        var path = Path.Combine(_folder, "not.gpkg");
        File.WriteAllText(path, "not sqlite at all, just some text that is long enough to have a header");

        Assert.Throws<BoundaryFileException>(() => BoundaryLoader.LoadGeoPackage(path));
    }
}
