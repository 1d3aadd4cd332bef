using System.Globalization;

namespace LocalGov.Cli.Boundaries;

/// <summary>One 'x,y' input line of 'boundaries areas', parsed on its own so a bad line can be reported and skipped.</summary>
internal static class PointLineParser
{
    /// <summary>Parses 'x,y' (spaces allowed); false with the reason when the line is not two finite numbers.</summary>
    public static bool TryParse(string line, out double x, out double y, out string problem)
    {
        x = y = 0;
        var parts = line.Split(',');
        if (parts.Length != 2)
        {
            problem = $"expected 'x,y', found {parts.Length} field(s)";
            return false;
        }

        if (!double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out x) || !double.IsFinite(x)
            || !double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out y) || !double.IsFinite(y))
        {
            problem = "x and y must be finite numbers";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    /// <summary>A header line: no digit in it.</summary>
    public static bool IsHeader(string line) => !line.Any(char.IsAsciiDigit);
}
