using System.Globalization;

namespace LocalGov.Postcodes.Grid;

/// <summary>
/// ETRS89/WGS84 ↔ British National Grid with OSTN15, the OS's definitive transformation (1 km grid of shifts,
/// bilinear interpolation). Reproduces the 40 OS test points to within 1 mm. Needs the shift grid in the compact
/// form of <c>grid-banger</c> (two files of 701 × 1251 little-endian 16-bit values, millimetres from the offset in
/// each file's name: <c>ostn_east_shift_82140</c>, <c>ostn_north_shift_-84180</c>).
/// </summary>
/// <remarks>
/// WGS84 is treated as ETRS89, as the OS does; modern GNSS (ITRF) positions drift from ETRS89 by about 2.5 cm a year
/// (order of a metre by now), so centimetre work must first convert to ETRS89.
/// </remarks>
public sealed class Ostn15GridConverter : IGridConverter
{
    private const int Columns = 701;
    private const int Rows = 1251;
    private const int ExpectedBytes = Columns * Rows * 2;
    private const string EastPrefix = "ostn_east_shift_";
    private const string NorthPrefix = "ostn_north_shift_";

    private readonly ushort[] _east;
    private readonly ushort[] _north;
    private readonly double _eastOffset;
    private readonly double _northOffset;

    private Ostn15GridConverter(ushort[] east, int eastOffsetMillimetres, ushort[] north, int northOffsetMillimetres)
    {
        _east = east;
        _north = north;
        _eastOffset = eastOffsetMillimetres;
        _northOffset = northOffsetMillimetres;
    }

    /// <summary>Loads the grid from a folder holding <c>ostn_east_shift_{offset}</c> and <c>ostn_north_shift_{offset}</c>.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The converter (about 3.5 MB of memory; share one instance).</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A shift file is missing.</exception>
    /// <exception cref="InvalidDataException">A file has the wrong size or name.</exception>
    public static Ostn15GridConverter Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The OSTN15 grid folder '{directory}' does not exist.");
        }

        var (eastPath, eastOffset) = Find(directory, EastPrefix);
        var (northPath, northOffset) = Find(directory, NorthPrefix);
        using var east = File.OpenRead(eastPath);
        using var north = File.OpenRead(northPath);
        return FromStreams(east, eastOffset, north, northOffset);
    }

    /// <summary>Loads the grid from two streams (e.g. embedded resources).</summary>
    /// <param name="eastShifts">The east shift table.</param>
    /// <param name="eastOffsetMillimetres">The offset added to each east value, in millimetres (82140 for OSTN15).</param>
    /// <param name="northShifts">The north shift table.</param>
    /// <param name="northOffsetMillimetres">The offset added to each north value (-84180 for OSTN15).</param>
    /// <returns>The converter.</returns>
    /// <exception cref="InvalidDataException">A stream is not 701 × 1251 16-bit values.</exception>
    public static Ostn15GridConverter FromStreams(Stream eastShifts, int eastOffsetMillimetres, Stream northShifts, int northOffsetMillimetres)
    {
        ArgumentNullException.ThrowIfNull(eastShifts);
        ArgumentNullException.ThrowIfNull(northShifts);
        return new Ostn15GridConverter(ReadTable(eastShifts, "east"), eastOffsetMillimetres, ReadTable(northShifts, "north"), northOffsetMillimetres);
    }

    /// <inheritdoc />
    public BngCoordinate ToBng(Wgs84Coordinate point)
    {
        GridMath.RequireInGridArea(point);
        var (x, y) = GridMath.Project(GridMath.ToRadians(point.Latitude), GridMath.ToRadians(point.Longitude), GridMath.Grs80A, GridMath.Grs80B);
        var (se, sn) = Shifts(x, y, point);
        return new BngCoordinate(x + se, y + sn);
    }

    /// <inheritdoc />
    public Wgs84Coordinate ToWgs84(BngCoordinate point)
    {
        GridMath.RequireValid(point);
        var (se, sn) = Shifts(point.Easting, point.Northing, point);
        var x = point.Easting - se;
        var y = point.Northing - sn;
        for (var k = 0; k < 20; k++)
        {
            (se, sn) = Shifts(x, y, point);
            var nx = point.Easting - se;
            var ny = point.Northing - sn;
            var change = Math.Max(Math.Abs(nx - x), Math.Abs(ny - y));
            x = nx;
            y = ny;
            if (change < 1e-5)
            {
                break;
            }
        }

        var (phi, lambda) = GridMath.Unproject(x, y, GridMath.Grs80A, GridMath.Grs80B);
        return new Wgs84Coordinate(GridMath.ToDegrees(phi), GridMath.ToDegrees(lambda));
    }

    private (double East, double North) Shifts(double x, double y, object point)
    {
        if (!(x >= 0 && x < (Columns - 1) * 1000.0 && y >= 0 && y < (Rows - 1) * 1000.0))
        {
            throw new ArgumentException($"The point {point} is outside the OSTN15 grid (easting 0–700 km, northing 0–1250 km).", nameof(point));
        }

        var column = (int)(x / 1000);
        var row = (int)(y / 1000);
        var t = (x - (column * 1000.0)) / 1000.0;
        var u = (y - (row * 1000.0)) / 1000.0;
        var i0 = column + (row * Columns);
        var i1 = i0 + 1;
        var i3 = i0 + Columns;
        var i2 = i3 + 1;
        var w0 = (1 - t) * (1 - u);
        var w1 = t * (1 - u);
        var w2 = t * u;
        var w3 = (1 - t) * u;
        var east = (w0 * _east[i0]) + (w1 * _east[i1]) + (w2 * _east[i2]) + (w3 * _east[i3]) + _eastOffset;
        var north = (w0 * _north[i0]) + (w1 * _north[i1]) + (w2 * _north[i2]) + (w3 * _north[i3]) + _northOffset;
        return (east / 1000.0, north / 1000.0);
    }

    private static (string Path, int Offset) Find(string directory, string prefix)
    {
        var files = Directory.GetFiles(directory, prefix + "*");
        if (files.Length != 1)
        {
            throw files.Length == 0
                ? new FileNotFoundException($"No '{prefix}<offset>' file in the OSTN15 grid folder '{directory}'.")
                : new InvalidDataException($"More than one '{prefix}<offset>' file in '{directory}'.");
        }

        var suffix = Path.GetFileName(files[0])[prefix.Length..];
        return int.TryParse(suffix, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset)
            ? (files[0], offset)
            : throw new InvalidDataException($"'{files[0]}': the name must end with the offset in millimetres, e.g. '{prefix}82140'.");
    }

    private static ushort[] ReadTable(Stream stream, string which)
    {
        var bytes = new byte[ExpectedBytes];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = stream.Read(bytes, read, bytes.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read != ExpectedBytes || stream.ReadByte() != -1)
        {
            throw new InvalidDataException($"The OSTN15 {which} shift table must be exactly {ExpectedBytes} bytes (701 × 1251 16-bit values).");
        }

        var table = new ushort[Columns * Rows];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (ushort)(bytes[2 * i] | (bytes[(2 * i) + 1] << 8));
        }

        return table;
    }
}
