using LocalGov.Postcodes.Grid;
using NetTopologySuite.Geometries;

namespace LocalGov.Postcodes.Tests;

public sealed class GridTests
{
    // OS test point TP04 (ETRS89 input and its OSTN15 output), from OS's published test vectors.
    private static readonly Wgs84Coordinate Tp04 = new(50.57563665, -1.2978227724);
    private static readonly BngCoordinate Tp04Bng = new(449816.371, 75335.861);

    [Fact]
    public void Helmert_is_within_its_documented_error_of_an_os_test_point()
    {
        var bng = new HelmertGridConverter().ToBng(Tp04);
        Assert.InRange(Distance(bng, Tp04Bng), 0, 3.5);
    }

    [Theory]
    [InlineData(51.501009, -0.141588)]
    [InlineData(57.149606, -2.096916)]
    [InlineData(49.92226, -6.29978)]
    [InlineData(60.13308, -2.07383)]
    public void Helmert_round_trips_to_a_millimetre(double lat, double lon)
    {
        var converter = new HelmertGridConverter();
        var back = converter.ToWgs84(converter.ToBng(new Wgs84Coordinate(lat, lon)));
        Assert.InRange(Math.Abs(back.Latitude - lat) * 111_000, 0, 0.01);
        Assert.InRange(Math.Abs(back.Longitude - lon) * 111_000 * Math.Cos(lat * Math.PI / 180), 0, 0.01);
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(51, double.PositiveInfinity)]
    [InlineData(91, 0)]
    [InlineData(40.7, -74)]
    [InlineData(51.5, 12)]
    public void Invalid_or_distant_wgs84_points_are_rejected(double lat, double lon)
    {
        Assert.Throws<ArgumentException>(() => new HelmertGridConverter().ToBng(new Wgs84Coordinate(lat, lon)));
        Assert.Throws<ArgumentException>(() => SyntheticOstn15(0, 0).ToBng(new Wgs84Coordinate(lat, lon)));
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.NegativeInfinity)]
    [InlineData(-1, 100)]
    [InlineData(700001, 100)]
    [InlineData(100, 1300001)]
    public void Invalid_grid_points_are_rejected(double e, double n)
    {
        Assert.Throws<ArgumentException>(() => new HelmertGridConverter().ToWgs84(new BngCoordinate(e, n)));
        Assert.Throws<ArgumentException>(() => SyntheticOstn15(0, 0).ToWgs84(new BngCoordinate(e, n)));
    }

    [Fact]
    public void Ostn15_applies_the_interpolated_shift_and_inverts_it()
    {
        // A constant grid: every cell shifts +100.000 m east and -80.000 m north.
        var converter = SyntheticOstn15(100_000 - 82_140, -80_000 + 84_180);
        var zeroShift = SyntheticOstn15(-82_140, 84_180);
        var projected = zeroShift.ToBng(Tp04);
        var shifted = converter.ToBng(Tp04);
        Assert.Equal(projected.Easting + 100, shifted.Easting, 6);
        Assert.Equal(projected.Northing - 80, shifted.Northing, 6);
        var back = converter.ToWgs84(shifted);
        Assert.Equal(Tp04.Latitude, back.Latitude, 9);
        Assert.Equal(Tp04.Longitude, back.Longitude, 9);
    }

    [Fact]
    public void Ostn15_loads_from_a_folder_named_as_grid_banger_does()
    {
        var dir = Directory.CreateTempSubdirectory("ostn15-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "ostn_east_shift_82140"), Table(1000));
            File.WriteAllBytes(Path.Combine(dir, "ostn_north_shift_-84180"), Table(2000));
            var converter = Ostn15GridConverter.Load(dir);
            var zero = SyntheticOstn15(-82_140, 84_180).ToBng(Tp04);
            var bng = converter.ToBng(Tp04);
            Assert.Equal(zero.Easting + 83.140, bng.Easting, 6);
            Assert.Equal(zero.Northing - 82.180, bng.Northing, 6);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Ostn15_rejects_missing_or_malformed_data()
    {
        var dir = Directory.CreateTempSubdirectory("ostn15-").FullName;
        try
        {
            Assert.Throws<FileNotFoundException>(() => Ostn15GridConverter.Load(dir));
            File.WriteAllBytes(Path.Combine(dir, "ostn_east_shift_82140"), new byte[10]);
            File.WriteAllBytes(Path.Combine(dir, "ostn_north_shift_-84180"), Table(0));
            Assert.Throws<InvalidDataException>(() => Ostn15GridConverter.Load(dir));
            Assert.Throws<DirectoryNotFoundException>(() => Ostn15GridConverter.Load(Path.Combine(dir, "missing")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Nts_interop_keeps_x_as_easting_and_longitude()
    {
        var converter = new HelmertGridConverter();
        var wgs = Tp04.ToCoordinate();
        Assert.Equal(Tp04.Longitude, wgs.X);
        Assert.Equal(Tp04.Latitude, wgs.Y);
        Assert.Equal(Tp04, wgs.ToWgs84Coordinate());
        var bng = converter.ToBng(wgs);
        Assert.Equal(converter.ToBng(Tp04), bng.ToBngCoordinate());
        var back = converter.ToWgs84(bng);
        Assert.Equal(Tp04.Latitude, back.Y, 6);

        var line = new GeometryFactory().CreateLineString([new Coordinate(-1.3, 50.5), new Coordinate(-1.2, 50.6)]);
        var inBng = converter.ToBng(line);
        Assert.Equal(27700, inBng.SRID);
        Assert.Equal(converter.ToBng(new Wgs84Coordinate(50.5, -1.3)).Easting, inBng.Coordinates[0].X, 6);
        Assert.Equal(-1.3, line.Coordinates[0].X); // the input is not modified
        var roundTrip = converter.ToWgs84(inBng);
        Assert.Equal(4326, roundTrip.SRID);
        Assert.Equal(50.6, roundTrip.Coordinates[1].Y, 6);
    }

    /// <summary>A grid of zeros whose file offsets alone set the shift: east = eastMm mm + 82140, north = northMm - 84180 (as in OSTN15's names).</summary>
    private static Ostn15GridConverter SyntheticOstn15(int eastMillimetresBeyondOffset, int northMillimetresBeyondOffset)
    {
        using var east = new MemoryStream(Table(0));
        using var north = new MemoryStream(Table(0));
        return Ostn15GridConverter.FromStreams(east, 82_140 + eastMillimetresBeyondOffset, north, -84_180 + northMillimetresBeyondOffset);
    }

    private static byte[] Table(ushort value)
    {
        var bytes = new byte[701 * 1251 * 2];
        for (var i = 0; i < bytes.Length; i += 2)
        {
            bytes[i] = (byte)(value & 0xFF);
            bytes[i + 1] = (byte)(value >> 8);
        }

        return bytes;
    }

    private static double Distance(BngCoordinate a, BngCoordinate b) => Math.Sqrt(Math.Pow(a.Easting - b.Easting, 2) + Math.Pow(a.Northing - b.Northing, 2));
}
