using System.CommandLine.Parsing;
using System.Globalization;

namespace LocalGov.Cli.Postcodes;

/// <summary>
/// Parses coordinate options and arguments as plain invariant numbers. The default parser allows thousands
/// separators, so "-0,8" (a decimal comma) would be read as -8; here it is refused with what was given.
/// </summary>
internal static class StrictNumber
{
    public static double Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError(text.Contains(',', StringComparison.Ordinal)
            ? $"{name}: '{Boundaries.BoundaryInputs.Excerpt(text)}' is not a number; use a decimal point, not a comma (e.g. -0.8)."
            : $"{name}: '{Boundaries.BoundaryInputs.Excerpt(text)}' is not a finite number.");
        return 0;
    }
}
