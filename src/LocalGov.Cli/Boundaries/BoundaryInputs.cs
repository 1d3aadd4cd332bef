using System.Globalization;
using System.Text;
using LocalGov.Boundaries;
using LocalGov.Cli.Infrastructure;

namespace LocalGov.Cli.Boundaries;

/// <summary>Shared pieces of the boundaries commands: loading layers from options, reading points, writing CSV.</summary>
internal static class BoundaryInputs
{
    public static BoundaryLoadOptions LoadOptions(string? codeField, string? nameField, string? crs) => new()
    {
        CodeField = codeField,
        NameField = nameField,
        Crs = crs is null ? null : ParseCrs(crs),
    };

    public static BoundaryCrs ParseCrs(string text)
    {
        try
        {
            return BoundaryCrsParser.Parse(text);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"--crs: {ex.Message}");
        }
    }

    /// <summary>
    /// Loads a boundary file. <c>file#name</c> picks the object <c>name</c> of a topology with several (the load report
    /// names sources the same way), unless a file is really called that.
    /// </summary>
    public static BoundarySet Load(string path, BoundaryLoadOptions options, string option)
    {
        var hash = path.LastIndexOf('#');
        if (!File.Exists(path) && hash > 0 && File.Exists(path[..hash]))
        {
            options = options with { TopoJsonObject = path[(hash + 1)..] };
            path = path[..hash];
        }

        if (!File.Exists(path))
        {
            throw new CliUsageException($"{option}: file not found: {path}");
        }

        return BoundaryLoader.Load(path, options);
    }

    /// <summary>Bad lines held before a batch is handed back (so a file of nothing but bad lines stays in bounded memory).</summary>
    public const int MaxProblemsPerBatch = 1024;

    /// <summary>The longest 'x,y' line read (a line is two numbers; anything longer is not a point).</summary>
    public const int MaxPointLineLength = 4096;

    /// <summary>
    /// Reads up to <paramref name="batchSize"/> 'x,y' points; blank lines are skipped, and a first line without digits
    /// is taken as a header. Each point is checked against <paramref name="crs"/>'s range. A bad line does not stop
    /// the read: it is recorded in <see cref="PointBatch.Problems"/> with its 1-based line number, so the caller can
    /// report it and still answer every good line before and after it.
    /// </summary>
    public static async Task<PointBatch> ReadPointsAsync(BoundedLineReader reader, BoundaryCrs crs, int batchSize, CancellationToken cancellationToken)
    {
        var batch = new PointBatch(batchSize);
        while (batch.Count < batchSize && batch.Problems.Count < MaxProblemsPerBatch && await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var lineNumber = reader.LineNumber;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var xText = comma < 0 ? line.Trim() : line[..comma].Trim();
            var yText = comma < 0 ? string.Empty : line[(comma + 1)..].Trim();
            double x = 0, y = 0;
            var ok = comma >= 0 && yText.IndexOf(',', StringComparison.Ordinal) < 0 &&
                double.TryParse(xText, NumberStyles.Float, CultureInfo.InvariantCulture, out x) &&
                double.TryParse(yText, NumberStyles.Float, CultureInfo.InvariantCulture, out y);
            if (!ok)
            {
                if (lineNumber == 1 && !line.Any(char.IsAsciiDigit))
                {
                    continue;
                }

                batch.Problems.Add($"{reader.Source}, line {lineNumber}: expected 'x,y' with two numbers, got '{Excerpt(line)}'");
                continue;
            }

            if (OutsideRange(x, y, crs) is { } problem)
            {
                batch.Problems.Add($"{reader.Source}, line {lineNumber}: ({Excerpt(xText)}, {Excerpt(yText)}) {problem}");
                continue;
            }

            batch.Add(xText, yText, x, y);
        }

        return batch;
    }

    /// <summary>Opens <c>--input</c> (or stdin) as a bounded line reader; a missing file is a usage error.</summary>
    public static (StreamReader? File, BoundedLineReader Lines) OpenPoints(string? inputPath)
    {
        if (inputPath is not null && !File.Exists(inputPath))
        {
            throw new CliUsageException($"--input: file not found: {inputPath}");
        }

        var file = inputPath is null ? null : new StreamReader(inputPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (file, new BoundedLineReader(file ?? Console.In, inputPath ?? "stdin", MaxPointLineLength));
    }

    /// <summary>Writes a batch's bad lines to stderr; returns how many there were.</summary>
    public static async Task<int> ReportProblemsAsync(CommandContext ctx, PointBatch batch)
    {
        foreach (var problem in batch.Problems)
        {
            await ctx.Error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
        }

        return batch.Problems.Count;
    }

    /// <summary>Why a point is not in the CRS's range (the resolver's own), or null.</summary>
    public static string? OutsideRange(double x, double y, BoundaryCrs crs)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return crs == BoundaryCrs.Wgs84
                ? "is not a WGS84 longitude,latitude: both must be finite numbers"
                : "is not a British National Grid easting,northing: both must be finite numbers";
        }

        return crs == BoundaryCrs.Wgs84
            ? x is < -180 or > 180 || y is < -90 or > 90 ? "is not a WGS84 longitude,latitude (longitude -180 to 180, latitude -90 to 90)" : null
            : x is < -100_000 or > 800_000 || y is < -100_000 or > 1_400_000 ? "is not a British National Grid easting,northing (easting -100000 to 800000, northing -100000 to 1400000 metres)" : null;
    }

    /// <summary>Printable start of untrusted text for a message: at most 60 characters, control characters shown as '?'.</summary>
    public static string Excerpt(string text)
    {
        var start = text.Length > 60 ? text[..60] + "…" : text;
        return string.Create(start.Length, start, (span, value) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(value[i]) ? '?' : value[i];
            }
        });
    }

    public static string Kind(AreaKind kind) => kind switch
    {
        AreaKind.Parish => "parish",
        AreaKind.NonParishedArea => "non-parished-area",
        AreaKind.District => "district",
        AreaKind.Ward => "ward",
        AreaKind.County => "county",
        AreaKind.ElectoralDivision => "division",
        AreaKind.Constituency => "constituency",
        AreaKind.Other => "other",
        _ => "none",
    };

    /// <summary>One RFC 4180 field: quoted when it holds a comma, quote or line break.</summary>
    public static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Describe(LoadReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"source: {report.Source}");
        text.AppendLine(CultureInfo.InvariantCulture, $"format: {report.Format}");
        text.AppendLine(CultureInfo.InvariantCulture, $"features: {report.FeaturesRead} read, {report.FeaturesLoaded} loaded, {report.Repairs.Count} repaired, {report.Skips.Count} skipped");
        text.AppendLine(CultureInfo.InvariantCulture, $"crs: {BoundaryCrsParser.Format(report.Crs)} ({report.CrsDecision})");
        text.AppendLine(CultureInfo.InvariantCulture, $"fields: code={report.CodeField}, name={report.NameField ?? "(none)"}, parent={report.ParentCodeField ?? "(none)"}");
        foreach (var repair in report.Repairs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"repaired: feature {repair.FeatureNumber} {repair.Code}: {repair.Reason}");
        }

        foreach (var skip in report.Skips)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"skipped: feature {skip.FeatureNumber} {skip.Code}: {skip.Reason}");
        }

        foreach (var warning in report.Warnings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"warning: {warning}");
        }

        return text.ToString();
    }
}

/// <summary>Points read from the input, with their text as given (echoed in the output).</summary>
internal sealed class PointBatch(int capacity)
{
    public List<string> XText { get; } = new(Math.Min(capacity, 4096));

    public List<string> YText { get; } = new(Math.Min(capacity, 4096));

    public List<double> Xs { get; } = new(Math.Min(capacity, 4096));

    public List<double> Ys { get; } = new(Math.Min(capacity, 4096));

    /// <summary>Bad lines met while reading this batch, each with its source and 1-based line number.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>True when nothing more was read: no points and no bad lines (the input has ended).</summary>
    public bool IsEmpty => Xs.Count == 0 && Problems.Count == 0;

    public int Count => Xs.Count;

    public void Add(string xText, string yText, double x, double y)
    {
        XText.Add(xText);
        YText.Add(yText);
        Xs.Add(x);
        Ys.Add(y);
    }
}
