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

    /// <summary>Reads "x,y" lines; blank lines are skipped, and a first line without digits is taken as a header.</summary>
    public static (List<string> X, List<string> Y, double[] Xs, double[] Ys) ReadPoints(TextReader reader, string source)
    {
        var xText = new List<string>();
        var yText = new List<string>();
        var xs = new List<double>();
        var ys = new List<double>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parts = line.Split(',');
            double x = 0, y = 0;
            var ok = parts.Length == 2 &&
                double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out x) &&
                double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out y);
            if (!ok)
            {
                if (lineNumber == 1 && !line.Any(char.IsAsciiDigit))
                {
                    continue;
                }

                throw new FormatException($"{source}, line {lineNumber}: expected 'x,y' with two numbers, got '{(line.Length > 60 ? line[..60] + "…" : line)}'");
            }

            xText.Add(parts[0].Trim());
            yText.Add(parts[1].Trim());
            xs.Add(x);
            ys.Add(y);
        }

        return (xText, yText, [.. xs], [.. ys]);
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
