using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using LocalGov.Boundaries;
using LocalGov.Testing;

namespace LocalGov.Conformance.Tests.Boundaries;

/// <summary>The real boundary data in ../shared, loaded once per test run (loading the approximate set takes a few seconds).</summary>
internal static class BoundaryData
{
    private static readonly Lazy<BoundarySet> LazyApproxParishes = new(() => BoundaryLoader.Load(SharedData.Require("data/boundaries/england-wales-approx/PAR.shp")));
    private static readonly Lazy<BoundarySet> LazyApproxDistricts = new(() => BoundaryLoader.Load(SharedData.Require("data/boundaries/england-wales-approx/LAD.shp")));
    private static readonly Lazy<(double[] X, double[] Y)> LazyCentroids = new(() => ReadCentroids(SharedData.Require("data/boundaries/points/oa21_pwc.json.gz")));

    public static BoundarySet ApproxParishes => Require(LazyApproxParishes, "data/boundaries/england-wales-approx/PAR.shp");

    public static BoundarySet ApproxDistricts => Require(LazyApproxDistricts, "data/boundaries/england-wales-approx/LAD.shp");

    public static (double[] X, double[] Y) Centroids => Require(LazyCentroids, "data/boundaries/points/oa21_pwc.json.gz");

    private static T Require<T>(Lazy<T> lazy, string relative)
    {
        SharedData.Require(relative); // skips with the reason when the data is absent
        return lazy.Value;
    }

    /// <summary>One GeoJSON point feature per line: [lon, lat].</summary>
    private static (double[] X, double[] Y) ReadCentroids(string path)
    {
        var xs = new List<double>(200_000);
        var ys = new List<double>(200_000);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var coordinates = document.RootElement.GetProperty("geometry").GetProperty("coordinates");
            xs.Add(coordinates[0].GetDouble());
            ys.Add(coordinates[1].GetDouble());
        }

        return ([.. xs], [.. ys]);
    }

    /// <summary>ONS label points: code, name, BNG easting/northing, WGS84 lon/lat.</summary>
    public static IReadOnlyList<(string Code, string Name, double E, double N, double Lon, double Lat)> Labels()
    {
        var path = SharedData.Require("data/boundaries/labels/parncp20_labels.csv");
        var result = new List<(string, string, double, double, double, double)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = SplitCsv(line);
            result.Add((f[0], f[1], double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture),
                double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture)));
        }

        return result;
    }

    public static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
