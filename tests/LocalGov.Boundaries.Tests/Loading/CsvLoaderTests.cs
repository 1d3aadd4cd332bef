using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace LocalGov.Boundaries.Tests.Loading;

public sealed class CsvLoaderTests
{
    private static BoundarySet Load(string csv, BoundaryLoadOptions? options = null) => BoundaryLoader.LoadCsv(new StringReader(csv), "test.csv", options);

    private static string Ewkb(string wkt, int srid)
    {
        var geometry = new WKTReader().Read(wkt);
        geometry.SRID = srid;
        return Convert.ToHexString(new WKBWriter(ByteOrder.LittleEndian, handleSRID: true).Write(geometry));
    }

    [Fact]
    public void Boundary_line_csv_with_a_mislabelled_srid_is_detected_as_bng_and_reported()
    {
        var geom = Ewkb("MULTIPOLYGON (((460000 210000, 461000 210000, 461000 211000, 460000 211000, 460000 210000)))", 4269);
        var set = Load($"name,area_code,code,geom\nHaddenham CP,CPC,E04001490,{geom}\n");

        Assert.Equal(BoundaryCrs.BritishNationalGrid, set.Crs);
        var feature = Assert.Single(set.Features);
        Assert.Equal("E04001490", feature.Code);
        Assert.Equal("Haddenham CP", feature.Name);
        Assert.Equal("code", set.Report.CodeField);
        Assert.Contains(set.Report.Warnings, w => w.Contains("SRID 4269", StringComparison.Ordinal) && w.Contains("EPSG:27700", StringComparison.Ordinal));
        Assert.Contains("detected", set.Report.CrsDecision, StringComparison.Ordinal);
    }

    [Fact]
    public void The_crs_can_be_overridden()
    {
        var set = Load("code,name,wkt\nE04000001,A,\"POLYGON ((0.5 0.5, 1 0.5, 1 1, 0.5 1, 0.5 0.5))\"\n", new BoundaryLoadOptions { Crs = BoundaryCrs.Wgs84 });

        Assert.Equal(BoundaryCrs.Wgs84, set.Crs);
        Assert.Contains("overridden", set.Report.CrsDecision, StringComparison.Ordinal);
    }

    [Fact]
    public void Undetectable_crs_is_a_typed_error()
    {
        var ex = Assert.Throws<BoundaryCrsException>(() => Load("code,wkt\nE04000001,\"POLYGON ((5000000 0, 5000100 0, 5000100 100, 5000000 100, 5000000 0))\"\n"));
        Assert.Contains("EPSG:27700", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ons_field_names_are_recognised_with_the_parent_district()
    {
        var set = Load("FID,PAR20CD,PAR20NM,LAD20CD,geometry\n1,E04000001,\"Blackrod, Town\",E08000001,\"SRID=27700;POLYGON ((360000 410000, 361000 410000, 361000 411000, 360000 411000, 360000 410000))\"\n");

        var feature = Assert.Single(set.Features);
        Assert.Equal(("E04000001", "Blackrod, Town", "E08000001"), (feature.Code, feature.Name, feature.ParentCode));
        Assert.Equal(("PAR20CD", "PAR20NM", "LAD20CD"), (set.Report.CodeField, set.Report.NameField, set.Report.ParentCodeField));
        Assert.Contains("declared", set.Report.CrsDecision, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_field_names_win_and_a_missing_one_is_named()
    {
        const string Csv = "ref,label,shape\nX1,Somewhere,\"POLYGON ((360000 410000, 361000 410000, 361000 411000, 360000 411000, 360000 410000))\"\n";
        var set = Load(Csv, new BoundaryLoadOptions { CodeField = "ref", NameField = "label", GeometryField = "shape" });

        Assert.Equal("X1", set.Features[0].Code);
        var ex = Assert.Throws<BoundaryFileException>(() => Load(Csv, new BoundaryLoadOptions { CodeField = "nope" }));
        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_polygons_are_repaired_and_empty_ones_skipped_and_both_reported()
    {
        var set = Load(
            "code,name,wkt\n" +
            "E04000001,Bowtie,\"POLYGON ((400000 200000, 401000 201000, 401000 200000, 400000 201000, 400000 200000))\"\n" +
            "E04000002,Empty,POLYGON EMPTY\n" +
            "E04000003,Line,\"LINESTRING (400000 200000, 401000 201000)\"\n" +
            ",Nameless,\"POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 200000))\"\n" +
            "E04000005,Good,\"POLYGON ((402000 200000, 403000 200000, 403000 201000, 402000 200000))\"\n");

        Assert.Equal(5, set.Report.FeaturesRead);
        Assert.Equal(2, set.Report.FeaturesLoaded);
        var repair = Assert.Single(set.Report.Repairs);
        Assert.Equal((1, "E04000001"), (repair.FeatureNumber, repair.Code));
        Assert.Contains("Self-intersection", repair.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.True(set.Features[0].Geometry.IsValid);
        Assert.Equal([2, 3, 4], set.Report.Skips.Select(s => s.FeatureNumber));
        Assert.Contains("empty", set.Report.Skips[0].Reason, StringComparison.Ordinal);
        Assert.Contains("LineString", set.Report.Skips[1].Reason, StringComparison.Ordinal);
        Assert.Contains("code", set.Report.Skips[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_geometry_names_the_line_and_feature()
    {
        var ex = Assert.Throws<BoundaryFileException>(() => Load("code,wkt\nE04000001,\"POLYGON ((0 0, 1 0, 1 1, 0 0))\"\nE04000002,\"POLYGON ((0 0, 1\"\n"));

        Assert.Equal(3, ex.Line);
        Assert.Equal(2, ex.FeatureNumber);
        Assert.Contains("test.csv, line 3, feature 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_hex_wkb_is_a_one_line_error_without_a_stack_trace()
    {
        // A ring that claims 2^31 - 1 points: the reader refuses it with a message that embeds its own stack trace.
        var wkb = Ewkb("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))", 27700);
        var damaged = string.Concat(wkb.AsSpan(0, 26), "FFFFFF7F", wkb.AsSpan(34));

        var ex = Assert.Throws<BoundaryFileException>(() => Load($"code,geom\nE04000001,{damaged}\n"));

        Assert.Contains("neither valid WKT nor hex WKB", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ragged_rows_unclosed_quotes_and_missing_geometry_columns_are_errors()
    {
        Assert.Equal(2, Assert.Throws<BoundaryFileException>(() => Load("code,wkt\nE04000001,x,y\n")).Line);
        Assert.Throws<BoundaryFileException>(() => Load("code,wkt\nE04000001,\"POLYGON\n"));
        Assert.Contains("no geometry column", Assert.Throws<BoundaryFileException>(() => Load("code,name\nE1,x\n")).Message, StringComparison.Ordinal);
        Assert.Throws<BoundaryFileException>(() => Load(string.Empty));
    }

    [Fact]
    public void Rows_with_different_srids_are_refused()
    {
        var a = Ewkb("POLYGON ((460000 210000, 461000 210000, 461000 211000, 460000 210000))", 27700);
        var b = Ewkb("POLYGON ((460000 210000, 461000 210000, 461000 211000, 460000 210000))", 4326);

        Assert.Throws<BoundaryFileException>(() => Load($"code,geom\nE1,{a}\nE2,{b}\n"));
    }

    [Fact]
    public void Files_are_read_by_extension_and_unknown_ones_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lgb-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "code,wkt\nE04000001,\"POLYGON ((460000 210000, 461000 210000, 461000 211000, 460000 210000))\"\n");
            Assert.Single(BoundaryLoader.Load(path).Features);
            Assert.Throws<BoundaryFileException>(() => BoundaryLoader.Load(Path.ChangeExtension(path, ".kml")));
            Assert.Throws<FileNotFoundException>(() => BoundaryLoader.Load(path + ".missing.csv"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_boundary_set_refuses_non_polygons_and_unknown_crs()
    {
        var report = new LoadReport { Source = "t", Format = "t", FeaturesRead = 0, FeaturesLoaded = 0, Crs = BoundaryCrs.Wgs84, CrsDecision = "t", CodeField = "c" };
        Assert.Throws<ArgumentException>(() => new BoundarySet([], BoundaryCrs.Unknown, report));
        Assert.Throws<ArgumentException>(() => new BoundarySet([new BoundaryFeature { Code = "a", Name = "b", Geometry = new GeometryFactory().CreatePoint(new Coordinate(0, 0)) }], BoundaryCrs.Wgs84, report));
    }
}
