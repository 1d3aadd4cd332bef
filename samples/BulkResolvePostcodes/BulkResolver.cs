using System.Globalization;
using System.Text;
using LocalGov.Boundaries;
using LocalGov.Postcodes;
using LocalGov.Postcodes.Grid;
using LocalGov.Postcodes.PostcodesIo;

namespace BulkResolvePostcodes;

/// <summary>
/// Reads a CSV of postcodes, looks them up in bulk with postcodes.io (100 a request) and resolves each point to its
/// parish (else district) with the council's own boundary files. Results as CSV on stdout; progress on stderr.
/// </summary>
public static class BulkResolver
{
    private const string Usage = """
        Usage: BulkResolvePostcodes <postcodes.csv> --parishes <file> [--districts <file>] [--column <name>] [--postcodes-io <url>]
               BulkResolvePostcodes --demo [<postcodes.csv>]

          <postcodes.csv>   A CSV file with a header row; the postcode column is 'postcode' (any case) unless --column names another.
          --parishes        Parish boundaries (GeoJSON, Shapefile, GeoPackage or CSV).
          --districts       District boundaries, answering where no parish covers a point.
          --postcodes-io    The postcodes.io server (default https://api.postcodes.io/).
          --demo            Offline, on DEMO DATA: the SpeedingReport sample's made-up boundaries and postcodes,
                            and example-postcodes.csv unless a file is given.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? input = null, parishes = null, districts = null, column = null;
        var demo = false;
        var baseAddress = PostcodesIoClientOptions.PublicBaseAddress;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--parishes": parishes = Next(); break;
                    case "--districts": districts = Next(); break;
                    case "--column": column = Next(); break;
                    case "--postcodes-io": baseAddress = new Uri(Next()); break;
                    case "--demo": demo = true; break;
                    case "-h" or "--help": await output.WriteLineAsync(Usage); return 0;
                    default:
                        if (input is not null || args[i].StartsWith("--", StringComparison.Ordinal))
                        {
                            throw new ArgumentException($"unexpected argument '{args[i]}'.");
                        }

                        input = args[i];
                        break;
                }
            }
            catch (Exception ex) when (ex is ArgumentException or UriFormatException)
            {
                await error.WriteLineAsync($"error: {ex.Message}\n\n{Usage}");
                return 1;
            }
        }

        if (demo)
        {
            var here = DemoFolder();
            input ??= Path.Combine(here, "example-postcodes.csv");
            parishes ??= Path.Combine(here, "..", "SpeedingReport", "Data", "demo", "parishes.geojson");
            districts ??= Path.Combine(here, "..", "SpeedingReport", "Data", "demo", "districts.geojson");
            handler ??= new DemoBulkPostcodesHandler(Path.Combine(here, "..", "SpeedingReport", "Data", "demo", "postcodes.json"));
            await error.WriteLineAsync("DEMO DATA: made-up boundaries and postcodes, answered in-process.");
        }

        if (input is null || parishes is null)
        {
            await error.WriteLineAsync($"error: the input file and --parishes are required.\n\n{Usage}");
            return 1;
        }

        try
        {
            var postcodes = ReadPostcodes(input, column);
            await error.WriteLineAsync($"{postcodes.Count} postcodes read from {input}");
            var resolver = ParishResolver.Build(
                BoundaryLoader.Load(parishes),
                districts is null ? null : BoundaryLoader.Load(districts),
                new ParishResolverOptions { GridConverter = new HelmertGridConverter() });

            using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            http.BaseAddress = baseAddress;
            var client = new PostcodesIoClient(http, new PostcodesIoClientOptions { BaseAddress = baseAddress });

            await output.WriteLineAsync("postcode,outcome,latitude,longitude,area_kind,area_code,area_name");
            var done = 0;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            await foreach (var result in client.LookupManyAsync(postcodes, ["postcode", "latitude", "longitude"], cancellationToken))
            {
                var (outcome, row) = Resolve(result, resolver);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                await output.WriteLineAsync(row);
                if (++done % 100 == 0 || done == postcodes.Count)
                {
                    await error.WriteLineAsync($"resolved {done}/{postcodes.Count}");
                }
            }

            await error.WriteLineAsync(string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}")));
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or BoundariesException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 4;
        }
        catch (PostcodesException ex)
        {
            await error.WriteLineAsync($"error: postcodes.io failed: {ex.Message}");
            return 2;
        }
    }

    /// <summary>This sample's folder in the repository (the demo files are found from it, whatever the working folder).</summary>
    private static string DemoFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "BulkResolvePostcodes");
            if (File.Exists(Path.Combine(candidate, "example-postcodes.csv")))
            {
                return candidate;
            }
        }

        throw new IOException("--demo needs the repository's samples folder (run it from a checkout with dotnet run).");
    }

    private static (string Outcome, string Row) Resolve(PostcodeLookupResult result, ParishResolver resolver)
    {
        if (result.Outcome != PostcodeLookupOutcome.Found)
        {
            var outcome = result.Outcome == PostcodeLookupOutcome.InvalidPostcode ? "invalid" : "not-found";
            return (outcome, Csv(result.Query, outcome, null, null, null, null, null));
        }

        var found = result.Result!;
        if (found.Latitude is not { } latitude || found.Longitude is not { } longitude)
        {
            return ("no-location", Csv(found.Postcode ?? result.Query, "no-location", null, null, null, null, null));
        }

        var area = resolver.Resolve(longitude, latitude, BoundaryCrs.Wgs84);
        var kind = area.Kind switch
        {
            AreaKind.Parish => "parish",
            AreaKind.NonParishedArea => "non-parished",
            AreaKind.District => "district",
            _ => "outside",
        };
        return (kind, Csv(found.Postcode ?? result.Query, "found", latitude, longitude, kind, area.Code, area.Name));
    }

    /// <summary>The postcode column of a CSV with a header row (RFC 4180 quoting).</summary>
    internal static List<string> ReadPostcodes(string path, string? column)
    {
        using var reader = new StreamReader(path);
        var header = ParseLine(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty: expected a header row."));
        var wanted = column ?? "postcode";
        var index = header.FindIndex(h => string.Equals(h.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new InvalidDataException($"{path} has no '{wanted}' column; its columns are: {string.Join(", ", header)}.");
        }

        var postcodes = new List<string>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = ParseLine(line);
            if (index >= fields.Count)
            {
                throw new InvalidDataException($"{path} line {lineNumber}: has {fields.Count} fields, but the '{wanted}' column is field {index + 1}.");
            }

            postcodes.Add(fields[index].Trim());
        }

        return postcodes;
    }

    private static List<string> ParseLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static string Csv(string postcode, string outcome, double? latitude, double? longitude, string? kind, string? code, string? name) =>
        string.Join(',', new[]
        {
            postcode, outcome,
            latitude?.ToString(CultureInfo.InvariantCulture), longitude?.ToString(CultureInfo.InvariantCulture),
            kind, code, name,
        }.Select(Quote));

    private static string Quote(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
